# defaultdict only calls the factory on d[key]; get/in/pop do not insert keys
from collections import defaultdict
calls = []
def factory():
    calls.append(1)
    return len(calls)
d = defaultdict(factory)
print(d.get("a"), "a" in d, len(d), calls)
print(d["a"], d["a"], d["b"], calls, dict(d))
print(d.pop("zz", "none"), d.setdefault("c", 99), dict(d))
try:
    d.pop("missing")
except KeyError as e:
    print(type(e).__name__, e)
print(d.__missing__("m"), dict(d))
d.default_factory = None
try:
    d["x"]
except KeyError as e:
    print(type(e).__name__, e)
d.default_factory = list
d["lst"].append(1)
print(d["lst"], sorted(d))
nested = defaultdict(lambda: defaultdict(int))
nested["a"]["x"] += 1
nested["a"]["y"] += 2
nested["b"]["x"] -= 1
print({k: dict(v) for k, v in nested.items()})
dd = defaultdict(int)
for k in "abc":
    dd[k]
print(dict(dd), sum(dd.values()))
print(defaultdict(list, [("a", 1)]), defaultdict(str).default_factory is str)
