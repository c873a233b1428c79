# list extend/insert/pop/remove/index/count/reverse/copy/clear
a = [3, 1, 4]
a.extend([1, 5])
a.extend("ab")
a.extend(range(2))
print(a)
a.insert(0, "first")
a.insert(-1, "penult")
a.insert(100, "last")
a.insert(-100, "front")
print(a)
print(a.pop(), a.pop(0), a.pop(-2))
print(a)
a.remove(1)
print(a, a.count(1), a.count("zz"))
print(a.index(1), a.index(4, 1), a.index("a", 0, 8))
try:
    a.index(99)
except ValueError as e:
    print(type(e).__name__, e)
try:
    a.remove(99)
except ValueError as e:
    print(type(e).__name__, e)
try:
    [].pop()
except IndexError as e:
    print(type(e).__name__, e)
try:
    [1].pop(5)
except IndexError as e:
    print(type(e).__name__, e)
b = a.copy()
b.reverse()
print(b, a is b, b == a[::-1])
b.clear()
print(b, len(b), a[:2])
