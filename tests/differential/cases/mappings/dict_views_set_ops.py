# dict keys/items views support set operations; values views do not
d1 = {"a": 1, "b": 2, "c": 3}
d2 = {"b": 2, "c": 4, "d": 5}
print(sorted(d1.keys() & d2.keys()), sorted(d1.keys() | d2.keys()))
print(sorted(d1.keys() - d2.keys()), sorted(d1.keys() ^ d2.keys()))
print(sorted(d1.items() & d2.items()), sorted(d1.items() - d2.items()))
print(sorted(d1.keys() & {"a", "z"}), sorted(d1.keys() | ["q"]), sorted({"a", "x"} - d1.keys()))
print(type(d1.keys() & d2.keys()).__name__, type(d1.items() | d2.items()).__name__)
print(d1.keys().isdisjoint({"x"}), d1.keys().isdisjoint(["a"]), d1.items().isdisjoint([("a", 2)]))
try:
    d1.values() & d2.values()
except TypeError as e:
    print(type(e).__name__, e)
print(sorted(d1.keys() & "abc"), sorted(d1.keys() - range(3)))
print(("a", 1) in d1.items(), ("a", 2) in d1.items(), "a" in d1.keys(), 1 in d1.values())
print(len(d1.keys() | d2.keys()), bool({}.keys()), bool(d1.items()))
try:
    d1.keys() | 5
except TypeError as e:
    print(type(e).__name__, e)
