# sum with start, any and all on various iterables
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([], 5))
print(sum([0.1] * 10), sum([1.5, 2.5], start=1))
print(sum([[1], [2, 3]], []))
print(sum(((1,), (2,)), ()))
print(sum(x * x for x in range(10)))
print(sum([True, True, False]), sum([10**20, 10**20]))
from fractions import Fraction
print(sum([Fraction(1, 3)] * 3))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print(type(e).__name__, e)
try:
    sum([b"a"], b"")
except TypeError as e:
    print(type(e).__name__, e)
try:
    sum([1, "a"])
except TypeError as e:
    print(type(e).__name__, e)
print(any([]), all([]))
print(any([0, "", None]), any([0, 1]))
print(all([1, "x", [0]]), all([1, 0, 1]))
print(any(x > 3 for x in range(5)), all(x < 3 for x in range(5)))
calls = []
def f(x):
    calls.append(x)
    return x
print(any(f(x) for x in [0, 0, 1, 1]), calls)
print(all(map(str.isalpha, ["ab", "c1", "d"])))
