# Comparing dict views with sets, frozensets and each other; view reprs and dynamism
d = {"a": 1, "b": 2}
print(d.keys() == {"a", "b"}, d.keys() == frozenset("ab"), d.keys() == ["a", "b"])
print(d.items() == {("a", 1), ("b", 2)}, d.items() == frozenset({("a", 1), ("b", 2)}))
print(d.keys() < {"a", "b", "c"}, d.keys() <= frozenset("ab"), d.keys() > {"a"}, d.keys() >= set())
print(d.items() <= {("a", 1), ("b", 2), ("c", 3)}, d.items() < d.items())
print(d.values() == d.values(), d.values() == [1, 2], {}.keys() == set())
print(d.keys() == {"a": 0, "b": 0}.keys(), d.items() == {"b": 2, "a": 1}.items())
print(frozenset("ab") == d.keys(), {"a", "b", "c"} > d.keys(), set() < d.keys())
print(d.keys(), d.values(), d.items())
k = d.keys()
v = d.values()
d["c"] = 3
print(len(k), list(k), list(v), list(reversed(k)), list(reversed(d.items())))
del d["a"]
print(k, "a" in k, sorted(k | {"z"}))
print(k.mapping, type(k).__name__, type(v).__name__, type(d.items()).__name__)
