# Counter edge cases: negative/zero counts, fromkeys, update with mappings, non-int counts
from collections import Counter
c = Counter(a=-2, b=0, c=3)
print(c, list(c.elements()), c.most_common(), c.total())
print(+c, -c, c + Counter(), c - Counter())
try:
    Counter.fromkeys("abc")
except NotImplementedError as e:
    print(type(e).__name__, e)
c.update({"a": 5, "d": 1})
c.update(["c", "c"])
c.update(Counter(b=1))
print(c)
f = Counter({"x": 1.5, "y": 0.5})
f.update({"x": 1})
print(f, f.most_common(1), f.total())
print(Counter(a=1) == Counter({"a": 1}), Counter("aa") != Counter("a"))
big = Counter(range(1000))
print(len(big), big[999], big[1000], big.total(), big.most_common(1))
nested = Counter([(1, 2), (1, 2), (2, 1)])
print(nested, nested[(1, 2)])
try:
    Counter([[1]])
except TypeError as e:
    print(type(e).__name__, e)
x = Counter("abc")
x["a"] = 0
print(x, "a" in x, +x, x.keys() - {"b"} == {"a", "c"})
print(Counter(["x", "y"]) + Counter(["y"]), repr(Counter()), Counter("") == Counter())
