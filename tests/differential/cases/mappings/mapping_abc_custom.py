# collections.abc Mapping/MutableMapping subclasses get mixin methods for free
from collections import abc
class LowerDict(abc.MutableMapping):
    def __init__(self, *args, **kw):
        self._d = {}
        self.update(*args, **kw)
    def __getitem__(self, k):
        return self._d[k.lower()]
    def __setitem__(self, k, v):
        self._d[k.lower()] = v
    def __delitem__(self, k):
        del self._d[k.lower()]
    def __iter__(self):
        return iter(self._d)
    def __len__(self):
        return len(self._d)
ld = LowerDict({"A": 1}, B=2)
print(ld["a"], ld["B"], "A" in ld, ld.get("c", 0), len(ld), list(ld), dict(ld))
print(ld.setdefault("C", 3), ld.pop("c"), sorted(ld.items()), sorted(ld.values()))
print(ld == {"a": 1, "b": 2}, ld.keys() & {"a"}, isinstance(ld, abc.Mapping), isinstance(ld, dict))
ld.update([("D", 4)])
print(ld.popitem(), len(ld))
try:
    ld.pop("zz")
except KeyError as e:
    print(type(e).__name__, e)
ld.clear()
print(len(ld), dict(ld))
class Frozen(abc.Mapping):
    def __init__(self, **kw):
        self._d = kw
    def __getitem__(self, k):
        return self._d[k]
    def __iter__(self):
        return iter(self._d)
    def __len__(self):
        return len(self._d)
f = Frozen(x=1, y=2)
print(dict(f), {**f}, list(f.items()), f.get("z"), "x" in f, f == {"y": 2, "x": 1})
print(isinstance({}, abc.MutableMapping), isinstance(f, abc.MutableMapping), issubclass(dict, abc.Mapping))
print(isinstance({}.keys(), abc.KeysView), isinstance({}.items(), abc.Set), isinstance({}.values(), abc.ValuesView))
print(isinstance(set(), abc.MutableSet), isinstance(frozenset(), abc.MutableSet), isinstance(frozenset(), abc.Hashable))
