# dict views: live updates, set operations on keys/items, comparisons, membership, reversed, len
d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
d["d"] = 4
print(list(k), list(v), list(it), len(k), "a" in k, 2 in v, ("a", 1) in it, ("a", 2) in it)
print(sorted(k & {"a", "z"}), sorted(k | {"z"}), sorted(k - {"a"}), sorted(k ^ {"a", "z"}), k & set())
print(sorted(it & {("a", 1), ("b", 9)}), sorted(it - {("a", 1)}), sorted({("q", 0)} | it))
print(k == {"a", "b", "c", "d"}, k == ["a", "b", "c", "d"], k <= {"a", "b", "c", "d", "e"}, k < set("abcd"), k >= {"a"})
other = {"c": 0, "d": 0, "e": 0}
print(sorted(d.keys() & other.keys()), sorted(d.keys() - other.keys()), d.keys().isdisjoint({"x"}), k.isdisjoint(["a"]))
print(list(reversed(k)), list(reversed(v)), list(reversed(it)), v == v, d.values() == d.values())
print(type(k).__name__, type(v).__name__, type(it).__name__, k.mapping["a"] if hasattr(k, "mapping") else "no mapping")
e = {}
print(list(e.keys()), e.items() == set(), {1: 2}.items() == {(1, 2)}, set(d.items()) == set(it), sorted(v)[-1])
try:
    for key in d:
        d[key + "!"] = 0
except RuntimeError as ex:
    print(type(ex).__name__, ex)
for op in (lambda: k[0], lambda: v | {1}, lambda: it & {(["unhashable"], 1)}):
    try:
        print(op())
    except TypeError as ex:
        print(type(ex).__name__, ex)
