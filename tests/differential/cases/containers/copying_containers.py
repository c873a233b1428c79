# shallow copies by slicing, copy(), constructors and comprehensions; aliasing of nested objects
orig = [[1, 2], {"k": "v"}, (3, [4])]
copies = [orig[:], orig.copy(), list(orig), [x for x in orig], [*orig]]
for c in copies:
    print(c == orig, c is orig, c[0] is orig[0])
orig[0].append(99)
print([c[0] for c in copies])
deep = [list(x) if isinstance(x, list) else x for x in orig]
orig[0].append(100)
print(deep[0], orig[0])
d = {"a": [1], "b": {"c": 2}}
d2 = d.copy(); d3 = dict(d); d4 = {**d}; d5 = {k: v for k, v in d.items()}
d["a"].append(2)
d["z"] = 0
print(d2, d3 == d4 == d5, "z" in d2, d2["b"] is d["b"])
s = {1, 2}
s2 = s.copy(); s3 = set(s); s4 = {*s}
s.add(3)
print(sorted(s2), sorted(s3), sorted(s4), frozenset(s) == s, tuple(orig) is not orig)
t = (1, 2)
print(t[:] == t, tuple(t) == t, t + () == t, list(t) == [1, 2])
def deep_copy(obj):
    if isinstance(obj, list):
        return [deep_copy(x) for x in obj]
    if isinstance(obj, dict):
        return {k: deep_copy(v) for k, v in obj.items()}
    return obj
n = {"l": [[1], [2]], "d": {"x": [3]}}
m = deep_copy(n)
m["l"][0].append("changed")
print(n, m, m == n)
