# dict.get, setdefault, pop and the KeyError messages
d = {"a": 1, "b": None}
print(d.get("a"), d.get("z"), d.get("z", 0), d.get("b", "dflt"))
print(d.setdefault("a", 100), d.setdefault("c", []), d.setdefault("e"), d)
d["c"].append(5)
print(d)
print(d.pop("a"), d.pop("zz", "missing"), d.pop("e", 1), d)
try:
    d.pop("zz")
except KeyError as e:
    print(type(e).__name__, e, e.args)
try:
    d["nope"]
except KeyError as e:
    print(type(e).__name__, e)
try:
    d[(1, 2)]
except KeyError as e:
    print(type(e).__name__, e, repr(e))
try:
    del d["nope"]
except KeyError as e:
    print(type(e).__name__, e)
try:
    {}[""]
except KeyError as e:
    print(type(e).__name__, e, e.args)
print("b" in d, "a" in d, None in {None: 1}, len(d))
try:
    d.get()
except TypeError as e:
    print(type(e).__name__, e)
counts = {}
for w in "a b a c b a".split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
