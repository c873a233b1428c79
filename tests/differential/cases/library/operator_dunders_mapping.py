# operator: operator functions dispatch to user-defined dunders and reflected methods
import operator as op

class V:
    def __init__(self, *c): self.c = c
    def __repr__(self): return f"V{self.c}"
    def __add__(self, o): return V(*(a + b for a, b in zip(self.c, o.c)))
    def __mul__(self, k): return V(*(a * k for a in self.c))
    __rmul__ = __mul__
    def __matmul__(self, o): return sum(a * b for a, b in zip(self.c, o.c))
    def __neg__(self): return V(*(-a for a in self.c))
    def __eq__(self, o): return isinstance(o, V) and self.c == o.c
    def __lt__(self, o): return self.c < o.c
    def __len__(self): return len(self.c)
    def __getitem__(self, i): return self.c[i]
    def __index__(self): return len(self.c)
    def __contains__(self, x): return x in self.c
    def __bool__(self): return any(self.c)

u, w = V(1, 2), V(3, 4)
print(op.add(u, w), op.mul(u, 3), op.mul(2, u), op.matmul(u, w), op.neg(u))
print(op.eq(u, V(1, 2)), op.ne(u, w), op.lt(u, w), op.gt(u, w))
print(op.length_hint(u), op.getitem(w, -1), op.contains(u, 2), op.truth(V(0, 0)), op.index(u))
print(op.itemgetter(0, 1)(w), sorted([w, u]), max([u, w]), [1, 2, 3][op.index(u)])
for name in ["add", "sub", "mul", "floordiv", "mod", "pow"]:
    print(name, getattr(op, name)(17, 5), end="; ")
print()
try:
    op.sub(u, w)
except TypeError as e:
    print(type(e).__name__, e)
