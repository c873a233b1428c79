# list() and tuple() constructors from many iterable kinds
print(list(), tuple(), list("héllo"), tuple(range(3)))
print(list({"a": 1, "b": 2}), list({"a": 1}.values()), tuple({"a": 1}.items()))
print(list(x * 2 for x in range(4)), tuple(iter([1, 2])))
print(list(b"AB"), list(bytearray(b"\x00\xff")), list(memoryview(b"z")))
print(sorted(list({3, 1, 2})), list(frozenset([5])))
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
print(list(Countdown(4)), tuple(Countdown(2)))
class OldStyle:
    def __getitem__(self, i):
        if i < 3:
            return i * i
        raise IndexError
print(list(OldStyle()), 4 in OldStyle(), 5 in OldStyle())
t = (1, 2)
print(tuple(t) is t, list(t) == [1, 2])
l = [1]
print(list(l) is l, list(l) == l)
try:
    list(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    tuple(None)
except TypeError as e:
    print(type(e).__name__, e)
try:
    list(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
