# sorted() and reversed() on various iterables
print(sorted([3, 1, 2]))
print(sorted("hello"))
print(sorted((5, 2, 8), reverse=True))
print(sorted({"b": 1, "a": 2, "c": 0}))
d = {"b": 1, "a": 2, "c": 0}
print(sorted(d.items(), key=lambda kv: kv[1]))
print(sorted(d, key=d.get, reverse=True))
print(sorted([]), sorted(range(5, 0, -1)))
print(sorted(["b", "A", "a", "B"], key=str.casefold))
print(list(reversed([1, 2, 3])))
print(list(reversed((1, 2, 3))))
print("".join(reversed("abc")))
print(list(reversed(range(1, 10, 3))))
r = reversed([10, 20, 30])
print(next(r), list(r), list(r))
print(list(reversed({"x": 1, "y": 2})))
try:
    reversed({1, 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([1, 2], key=None, reverse=None)
except TypeError as e:
    print(type(e).__name__)
class Seq:
    def __len__(self): return 3
    def __getitem__(self, i):
        if i >= 3: raise IndexError(i)
        return i * 10
print(list(reversed(Seq())), sorted(Seq(), reverse=True))
