# zip (incl. strict=), enumerate and reversed over lists, strings, dicts, ranges and custom sequences
names, ages = ["ann", "bob", "cy"], [31, 25]
print(list(zip(names, ages)), list(zip(names)), list(zip()), dict(zip(names, ages)), list(zip(*[(1, "a"), (2, "b")])))
print(list(zip("abc", range(3), [True] * 3, strict=True)), list(zip(range(3), range(10, 13), strict=False)))
for a, b in [(names, ages), (ages, names), ([], [1])]:
    try:
        print(list(zip(a, b, strict=True)))
    except ValueError as e:
        print(type(e).__name__, e)
try:
    print(list(zip([1], [2], [3, 4], strict=True)))
except ValueError as e:
    print(type(e).__name__, e)
print(list(enumerate("ab")), list(enumerate(names, start=1)), list(enumerate({"k": 1, "j": 2})), list(enumerate(range(2), -5)))
print(list(reversed([1, 2, 3])), "".join(reversed("héllo")), list(reversed(range(0, 10, 3))), list(reversed({"a": 1, "b": 2})))
print(list(reversed((1, 2))), list(reversed(b"ab")), list(reversed(enumerate.__name__)), list(reversed([])))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
class Rev:
    def __reversed__(self):
        return iter("custom")
print(list(reversed(Seq())), list(Seq()), list(reversed(Rev())), list(zip(Seq(), "xyz")))
it = zip([1, 2, 3], "ab")
print(next(it), next(it), next(it, "done"), list(it))
for op in (lambda: reversed({1, 2}), lambda: reversed(iter([1])), lambda: zip(1), lambda: enumerate(5), lambda: zip([1], bogus=1)):
    try:
        print(op())
    except TypeError as e:
        print(type(e).__name__, e)
