# functools: total_ordering, singledispatch, cmp_to_key
from functools import total_ordering, singledispatch, cmp_to_key

@total_ordering
class Ver:
    def __init__(self, *p): self.p = p
    def __eq__(self, o): return self.p == o.p
    def __lt__(self, o): return self.p < o.p
    def __repr__(self): return "Ver" + str(self.p)

a, b = Ver(1, 2), Ver(1, 10)
print(a < b, a <= b, a > b, a >= b, a != b, max(a, b), sorted([b, a]))

@singledispatch
def show(x):
    return f"obj:{x!r}"
@show.register
def _(x: int):
    return f"int:{x}"
@show.register(list)
def _(x):
    return "list:" + ",".join(show(i) for i in x)
@show.register(bool)
def _(x):
    return f"bool:{x}"
print(show(3), show("s"), show([1, "a", True]), show(2.5))
print(show.dispatch(int).__name__, bool in show.registry)

def cmp(x, y):
    return (x > y) - (x < y) if len(x) == len(y) else len(x) - len(y)
print(sorted(["ccc", "b", "aa", "a", "bb"], key=cmp_to_key(cmp)))
print(sorted([3, 1, 2], key=cmp_to_key(lambda x, y: y - x)))
