# Checks numeric dunder methods, reflected ops, NotImplemented fallback and in-place ops
class V:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return f"V({self.x})"
    def __add__(self, o):
        if isinstance(o, V):
            return V(self.x + o.x)
        if isinstance(o, (int, float)):
            return V(self.x + o)
        return NotImplemented
    __radd__ = __add__
    def __mul__(self, k):
        return V(self.x * k) if isinstance(k, (int, float)) else NotImplemented
    def __rmul__(self, k):
        return V(k * self.x * 10)
    def __neg__(self):
        return V(-self.x)
    def __pow__(self, e, mod=None):
        return V(pow(self.x, e, mod))
    def __floordiv__(self, o):
        return V(self.x // o)
    def __rtruediv__(self, o):
        return V(o / self.x)
    def __iadd__(self, o):
        self.x += 1000
        return self
print(V(1) + V(2), V(1) + 5, 5 + V(1), 2.5 + V(1))
print(V(3) * 2, 2 * V(3), -V(4), V(2) ** 10, pow(V(3), 4, 5), V(7) // 2, 1 / V(4))
print(sum([V(1), V(2), V(3)]))
v = V(1)
v += V(1)
print(v)
for bad in [lambda: V(1) + "s", lambda: "s" + V(1), lambda: V(1) * V(2), lambda: V(1) - 1]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
