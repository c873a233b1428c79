# dict subclasses: __missing__, overridden __setitem__ and what methods bypass it
class Default0(dict):
    def __missing__(self, key):
        return 0
d = Default0(a=1)
print(d["a"], d["zz"], d.get("zz"), "zz" in d, d)
class AutoVivify(dict):
    def __missing__(self, key):
        value = self[key] = AutoVivify()
        return value
t = AutoVivify()
t["a"]["b"]["c"] = 1
print(t, type(t["a"]).__name__)
class Upper(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key.upper(), value)
u = Upper()
u["x"] = 1
u.update({"y": 2})
u.setdefault("z", 3)
print(sorted(u.items()))
u2 = Upper(w=0)
print(u2)
class KeyErr(dict):
    def __missing__(self, key):
        raise KeyError(f"no {key!r} here")
try:
    KeyErr()["q"]
except KeyError as e:
    print(type(e).__name__, e)
class Counted(dict):
    def __getitem__(self, k):
        return super().__getitem__(k) * 10
c = Counted(a=1)
print(c["a"], c.get("a"), dict(c), list(c.values()), {**c})
print(isinstance(d, dict), type(d | {"b": 2}).__name__, type(d.copy()).__name__)
