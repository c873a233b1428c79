# dicts: construction forms, insertion order, get/in/len, update, del, keys of mixed types, errors
d = {"b": 2, "a": 1}
d["c"] = 3
d["b"] = 20
print(d, list(d), len(d), "a" in d, 1 in d, d.get("z"), d.get("z", 0), d["a"])
print(dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict(zip("pq", range(2))), dict({"k": 1}, k2=2), dict())
print(dict.fromkeys("abc"), dict.fromkeys(["x", "y"], 0), {i: i * i for i in range(4)}, {**d, "a": 100})
del d["a"]
d.update({"z": 26}, y=25)
d.update([("w", 0)])
print(d, list(d.keys()), list(d.values()), list(d.items())[:2])
mixed = {1: "int", 1.5: "float", (1, 2): "tuple", None: "none", True: "bool?", "1": "str"}
print(mixed, len(mixed), mixed[1], mixed[1.0])
counts = {}
for w in "the quick the lazy the end".split():
    counts[w] = counts.get(w, 0) + 1
print(counts, max(counts, key=counts.get), sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
d2 = {"x": 1}
d2.pop("x")
d2["x"] = 2
print(d2, {"a": 1} == {"a": 1.0}, {"a": 1, "b": 2} == {"b": 2, "a": 1}, list(reversed({"p": 1, "q": 2})))
for op in (lambda: d["missing"], lambda: {[1]: 2}, lambda: dict([1, 2]), lambda: dict([("a", 1, 2)]), lambda: d.__delitem__("nope"),
           lambda: dict(1), lambda: {}.update(1)):
    try:
        print(op())
    except (KeyError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
