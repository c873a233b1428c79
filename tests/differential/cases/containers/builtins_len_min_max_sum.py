# len/min/max/sum over various iterables, with key, default, start, and empty-input errors
print(len([1, 2]), len("héllo"), len(b"ab"), len({1: 2}), len(set()), len(range(0, 100, 7)), len(range(10, 0)), len(()))
print(min(3, 1, 2), max("apple", "fig", key=len), min([], default="empty"), max([1, 5, 3]), min("hello"), max(range(5)))
print(max([], default=None), min([1, 2], default=0), max({"a": 3, "b": 1}), max({"a": 3, "b": 1}.items(), key=lambda kv: kv[1]))
print(max(2, 2.0), max(2.0, 2), min(-0.0, 0.0), max([1, 3, 3], key=lambda x: -x), min(["b", "a", "A"], key=str.lower))
print(sum([1, 2, 3]), sum([0.1] * 10), sum([[1], [2]], []), sum(range(101)), sum([1, 2], start=10), sum([], 5), sum([True, True]))
print(sum([1.5, 2.5, 3]), sum([10 ** 20, 1, -10 ** 20]), sum((x * x for x in range(4))), sum([0.1, 0.2, 0.3]), sum([1e100, 1.0, -1e100]))
from fractions import Fraction
print(sum([Fraction(1, 3)] * 3), sum([1j, 2]), type(sum([])).__name__, sum([], 0.0))
class Sized:
    def __len__(self):
        return 7
print(len(Sized()), max([Sized(), Sized()], key=len) is not None, min(iter([4, 2, 8])))
for op in (lambda: min([]), lambda: max(), lambda: sum(["a", "b"], ""), lambda: sum([1, "a"]), lambda: len(5),
           lambda: max(1, 2, default=0), lambda: min(1), lambda: len(iter([])), lambda: max([1, "a"])):
    try:
        print(op())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print(type(e).__name__, e)
