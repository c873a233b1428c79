# OrderedDict: insertion order, move_to_end both ways, popitem(last=), order-sensitive equality, LRU
from collections import OrderedDict
od = OrderedDict()
od["b"] = 2; od["a"] = 1; od["c"] = 3
print(od, list(od))
od.move_to_end("b"); print(list(od))
od.move_to_end("c", last=False); print(list(od))
print(od.popitem(), od.popitem(last=False), od)
x = OrderedDict(a=1, b=2); y = OrderedDict(b=2, a=1)
print(x == y, dict(x) == dict(y), x == {"b": 2, "a": 1})
try:
    x.move_to_end("zz")
except KeyError as e:
    print(type(e).__name__, e)
try:
    OrderedDict().popitem()
except KeyError as e:
    print(type(e).__name__, e)
class LRU(OrderedDict):
    def __init__(self, cap):
        super().__init__()
        self.cap = cap
    def get_(self, k):
        self.move_to_end(k)
        return self[k]
    def put(self, k, v):
        self[k] = v
        self.move_to_end(k)
        if len(self) > self.cap:
            self.popitem(last=False)
cache = LRU(2)
cache.put(1, "one"); cache.put(2, "two"); cache.get_(1); cache.put(3, "three")
print(list(cache.items()), list(reversed(od | {"z": 0})))
print(OrderedDict.fromkeys("abc", 0), repr(OrderedDict()))
