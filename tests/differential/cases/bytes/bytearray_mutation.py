# bytearray mutation: item/slice assignment, append/extend/insert/pop/remove, +=, *=, del, clear
ba = bytearray(b"hello")
ba[0] = 72
ba[-1] = ord("O")
print(ba, ba[0], ba[1:3])
ba[1:3] = b"EE"
print(ba)
ba[1:3] = b"eee"
print(ba, len(ba))
ba[::2] = b"123"
print(ba)
ba.append(33); ba.extend(b"!?"); ba.extend([65, 66]); ba.insert(0, 62); ba.insert(-1, 45); ba.insert(100, 46)
print(ba, ba.pop(), ba.pop(0), ba)
ba.remove(ord("!"))
del ba[0]
del ba[-2:]
print(ba, ba.index(b"e"), ba.count(b"e"))
ba += b"++"
ba *= 2
print(ba, len(ba))
ba.reverse()
print(ba)
ba[:] = b"xyz"
c = ba.copy()
ba.clear()
print(ba, c, c == b"xyz", bytearray(b"ab") + b"cd", b"ab" + bytearray(b"cd"), type(b"ab" + bytearray(b"cd")).__name__)
for op in (lambda: ba.append(256), lambda: c.__setitem__(0, -1), lambda: c.__setitem__(5, 1), lambda: ba.pop(),
           lambda: c.remove(0), lambda: c.__setitem__(slice(0, 3, 2), b"abc"), lambda: c.append("a"), lambda: c.extend([1, "a"])):
    try:
        print(op())
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
print(c)
