# Dict comprehensions: filtering, inverting, nested, conditional values, scoping
words = ["apple", "bob", "kayak", "python", "Anna"]
print({w: len(w) for w in words})
print({w: w[::-1] for w in words if w.lower() == w.lower()[::-1]})
sq = {n: n * n for n in range(6)}
print(sq, {v: k for k, v in sq.items()})
print({k: ("even" if v % 2 == 0 else "odd") for k, v in sq.items()})
print({(i, j): i * j for i in range(3) for j in range(3) if i <= j})
print({c: words.count(c) for c in "ab"}, {x % 3: x for x in range(10)})
print({k: {kk: kk * k for kk in range(2)} for k in range(1, 3)})
x = "outer"
res = {x: x for x in "ab"}
print(res, x)
pairs = [("a", 1), ("b", 2), ("a", 3)]
print({k: v for k, v in pairs})
print({**{k: 0 for k in "xyz"}, "y": 1})
try:
    {k: 1 / k for k in [1, 0]}
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print({i: c for i, c in enumerate("héllo") if c.isalpha()})
