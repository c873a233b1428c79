# implementing collections.abc interfaces: mixin methods from Mapping and MutableSequence, isinstance checks
from collections import abc

class Frozen(abc.Mapping):
    def __init__(self, **kw): self._d = dict(kw)
    def __getitem__(self, k): return self._d[k]
    def __iter__(self): return iter(self._d)
    def __len__(self): return len(self._d)

f = Frozen(a=1, b=2)
print(len(f), f["a"], f.get("z", 0), "b" in f, sorted(f.keys()), sorted(f.values()))
print(f == {"a": 1, "b": 2}, isinstance(f, abc.Mapping), isinstance(f, dict))

class MyList(abc.MutableSequence):
    def __init__(self): self._l = []
    def __getitem__(self, i): return self._l[i]
    def __setitem__(self, i, v): self._l[i] = v
    def __delitem__(self, i): del self._l[i]
    def __len__(self): return len(self._l)
    def insert(self, i, v): self._l.insert(i, v)

ml = MyList()
ml.append(3); ml.extend([1, 2]); ml.reverse()
print(list(ml), ml.index(1), ml.count(3), ml.pop(), list(ml))
print(isinstance([], abc.Sequence), isinstance({}, abc.Mapping), isinstance("", abc.Iterable))
print(isinstance(3, abc.Hashable), isinstance([], abc.Hashable), isinstance(len, abc.Callable))

class Incomplete(abc.Mapping):
    def __len__(self): return 0
try:
    Incomplete()
except TypeError as e:
    print(type(e).__name__, e)
class HasIter:
    def __iter__(self): return iter([])
print(isinstance(HasIter(), abc.Iterable), issubclass(HasIter, abc.Iterator))
