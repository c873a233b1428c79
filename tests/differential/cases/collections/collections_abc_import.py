# collections.abc via "from collections import abc": isinstance checks on builtins and a custom Mapping
from collections import abc
print(isinstance([], abc.Sequence), isinstance({}, abc.Mapping), isinstance(set(), abc.Set))
print(isinstance("", abc.Iterable), isinstance(5, abc.Iterable), isinstance(iter([]), abc.Iterator))
print(isinstance(len, abc.Callable), isinstance((x for x in []), abc.Generator), isinstance({}, abc.MutableMapping))
class Frozen(abc.Mapping):
    def __init__(self, **kw):
        self._d = dict(kw)
    def __getitem__(self, k):
        return self._d[k]
    def __iter__(self):
        return iter(self._d)
    def __len__(self):
        return len(self._d)
f = Frozen(a=1, b=2)
print(f["a"], f.get("c", 9), "b" in f, sorted(f.keys()), sorted(f.items()), f == {"a": 1, "b": 2})
print(isinstance(f, abc.Mapping), isinstance(f, abc.MutableMapping), issubclass(dict, abc.Hashable))
