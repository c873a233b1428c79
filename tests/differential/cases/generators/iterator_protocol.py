# custom iterators via __iter__/__next__, iter() with sentinel, iterator vs iterable, legacy __getitem__ iteration
class Range2:
    def __init__(self, start, stop, step=1):
        self.cur, self.stop, self.step = start, stop, step
    def __iter__(self): return self
    def __next__(self):
        if self.cur >= self.stop:
            raise StopIteration
        v = self.cur
        self.cur += self.step
        return v
r = Range2(0, 10, 3)
print(list(r), list(r))
class Repeatable:
    def __init__(self, data): self.data = data
    def __iter__(self): yield from self.data
rep = Repeatable("xyz")
print(list(rep), list(rep), "y" in rep)
vals = iter([5, 4, 3, 0, 2])
print(list(iter(lambda: next(vals), 0)))
it = iter([1, 2, 3])
print(next(it), list(it), next(it, "none"))
for bad in (lambda: iter(5), lambda: next([1, 2])):
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
class OldStyle:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 100
print(list(OldStyle()), 200 in OldStyle())
e = enumerate("ab", start=1)
print(next(e), next(e), type(e).__name__)
z = zip([1, 2], [3])
print(list(z), list(z))
print(type(iter([])).__name__, type(iter(())).__name__, type(iter(range(3))).__name__, type(iter({})).__name__)
