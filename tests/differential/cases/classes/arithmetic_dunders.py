# arithmetic operator overloading, reflected and in-place operators, NotImplemented fallbacks
class Vec:
    def __init__(self, x, y): self.x, self.y = x, y
    def __repr__(self): return f"Vec({self.x}, {self.y})"
    def __add__(self, o):
        if isinstance(o, Vec):
            return Vec(self.x + o.x, self.y + o.y)
        return NotImplemented
    def __sub__(self, o): return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return Vec(self.x * k, self.y * k)
        return NotImplemented
    __rmul__ = __mul__
    def __neg__(self): return Vec(-self.x, -self.y)
    def __abs__(self): return (self.x ** 2 + self.y ** 2) ** 0.5
    def __iadd__(self, o):
        self.x += o.x
        self.y += o.y
        return self
    def __matmul__(self, o): return self.x * o.x + self.y * o.y
    def __floordiv__(self, k): return Vec(self.x // k, self.y // k)
    def __mod__(self, k): return Vec(self.x % k, self.y % k)
    def __pow__(self, k): return Vec(self.x ** k, self.y ** k)
a, b = Vec(1, 2), Vec(3, 4)
print(a + b, a - b, a * 3, 2 * a, -a)
print(abs(b), a @ b, b // 2, b % 3, a ** 2)
c = a
c += b
print(c, a, c is a)
for op in (lambda: a + 1, lambda: "s" * a, lambda: a / 2):
    try:
        op()
    except TypeError as e:
        print(type(e).__name__, e)
