# OrderedDict: move_to_end, popitem(last=False), order-sensitive equality, LRU pattern
from collections import OrderedDict
od = OrderedDict.fromkeys("abcde")
od.move_to_end("b")
print(list(od))
od.move_to_end("b", last=False)
print(list(od))
od.move_to_end("e", False)
print("".join(od))
print(od.popitem(), od.popitem(last=False), list(od))
try:
    od.move_to_end("zz")
except KeyError as e:
    print(type(e).__name__, e)
try:
    OrderedDict().popitem(last=False)
except KeyError as e:
    print(type(e).__name__, e)
class LRU(OrderedDict):
    def __init__(self, cap):
        super().__init__()
        self.cap = cap
    def get_item(self, k):
        self.move_to_end(k)
        return self[k]
    def put(self, k, v):
        self[k] = v
        self.move_to_end(k)
        if len(self) > self.cap:
            self.popitem(last=False)
c = LRU(2)
c.put("x", 1)
c.put("y", 2)
c.get_item("x")
c.put("z", 3)
print(list(c.items()))
a = OrderedDict(a=1, b=2)
b = OrderedDict(b=2, a=1)
print(a == b, dict(a) == dict(b), a == dict(b), list(reversed(a)), list(reversed(a.items())))
a["c"] = 3
a.pop("a")
print(list(a.keys()), a.setdefault("a", 0), list(a))
