# set comprehensions and set() from iterables; uniqueness and filtering
print({x % 5 for x in range(20)})
print(sorted({w.lower() for w in "The the THE cat Cat".split()}))
print({(x, y) for x in range(2) for y in range(2)} == {(0, 0), (0, 1), (1, 0), (1, 1)})
print(sorted({c for c in "mississippi" if c not in "s"}), {len(w) for w in ["a", "bb", "cc"]})
print(set(), set([]), set(range(3)), sorted(set("banana")), set({"k": 1}) == {"k"})
print({n for n in range(30) if all(n % d for d in range(2, n)) and n > 1})
x = 10
print({x * 2 for x in range(3)}, x)
print({abs(v) for v in [-1, 1, -2, 2, 0]}, {i: None for i in "ab"}.keys() == {"a", "b"})
e = {y for y in []}
print(e, type(e).__name__, len(e))
try:
    {[v] for v in range(2)}
except TypeError as e:
    print(type(e).__name__, e)
dupes = [3, 1, 3, 2, 1]
seen = set()
unique = [d for d in dupes if not (d in seen or seen.add(d))]
print(unique, list(dict.fromkeys(dupes)))
