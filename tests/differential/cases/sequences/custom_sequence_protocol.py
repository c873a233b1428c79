# User-defined sequences: __len__, __getitem__ with slices, __reversed__, __contains__
class Ring:
    def __init__(self, items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        if isinstance(i, slice):
            return Ring(self.items[i])
        return self.items[i % len(self.items)]
    def __repr__(self):
        return f"Ring({self.items})"
r = Ring("abcd")
print(len(r), r[0], r[5], r[-1], r[1:3], r[::-1])
print(list(zip(range(3), r)) if False else [r[i] for i in range(6)])
class Rev:
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return [1, 2][i]
    def __reversed__(self):
        return iter(["custom", "reversed"])
print(list(reversed(Rev())), list(Rev()))
class Box:
    def __contains__(self, x):
        return x == 42
print(42 in Box(), 1 in Box(), 1 not in Box())
class NoLen:
    def __getitem__(self, i):
        if i > 2:
            raise IndexError
        return i
try:
    len(NoLen())
except TypeError as e:
    print(type(e).__name__, e)
try:
    reversed(NoLen())
except TypeError as e:
    print(type(e).__name__, e)
print(list(enumerate(NoLen())), sorted(NoLen(), reverse=True), 2 in NoLen())
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print(type(e).__name__, e)
