# collections.abc comes with collections, in every import form
from collections.abc import Mapping, Sequence, Iterable, MutableMapping
from collections import abc, OrderedDict
import collections
import collections.abc
import collections.abc as cabc
print(isinstance({}, Mapping), isinstance([], Sequence), issubclass(list, Iterable), abc.Mapping is Mapping)
print(collections.abc.Sized is abc.Sized, cabc.Hashable is abc.Hashable, collections.Counter('aab').most_common(1))
class Frozen(abc.Mapping):
    def __init__(self, **kw): self._d = dict(kw)
    def __getitem__(self, k): return self._d[k]
    def __iter__(self): return iter(self._d)
    def __len__(self): return len(self._d)
f = Frozen(a=1, b=2)
print(len(f), f.get('a'), f.get('z', 0), 'a' in f, sorted(f.keys()), f == {'a': 1, 'b': 2}, dict(f.items()))
print(issubclass(OrderedDict, MutableMapping), __import__('collections.abc').__name__, __import__('collections.abc', fromlist=['x']).__name__)
try:
    collections.nothere
except AttributeError as e:
    print(e)
