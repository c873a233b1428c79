# bytearray mutation methods and slice assignment
ba = bytearray(b"hello")
ba[0] = 72
ba.append(33)
ba.extend(b" ok")
ba.extend([65, 66])
print(ba, len(ba))
ba.insert(0, 62)
print(ba.pop(), ba.pop(0), ba)
ba.remove(ord("l"))
print(ba)
ba[1:3] = b"XYZ"
print(ba)
del ba[::2]
print(ba)
ba.reverse()
print(ba, ba.copy() == ba, ba.copy() is ba)
ba.clear()
print(ba, bytearray(), bytearray(3), bytearray("hé", "utf-8"))
try:
    bytearray(b"a")[0] = 300
except ValueError as e:
    print(type(e).__name__, e)
try:
    bytearray(b"a").remove(120)
except ValueError as e:
    print(type(e).__name__, e)
try:
    bytearray().pop()
except IndexError as e:
    print(type(e).__name__, e)
x = bytearray(b"abc")
x += b"def"
x *= 2
print(x, x.upper(), type(x.upper()).__name__, x.find(b"d"))
try:
    hash(bytearray(b"x"))
except TypeError as e:
    print(type(e).__name__, e)
