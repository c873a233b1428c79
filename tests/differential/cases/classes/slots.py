# __slots__: no __dict__, attribute restriction, inheritance of slots
class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = P(1, 2)
print(p.x, p.y)
p.x = 10
print(p.x)
try:
    p.z = 3
except AttributeError as e:
    print(type(e).__name__)
print(hasattr(p, "__dict__"))
print(P.__slots__)
del p.y
try:
    p.y
except AttributeError as e:
    print(type(e).__name__)
print(type(P.x).__name__)
class Q(P):
    pass
q = Q(1, 2)
q.extra = "ok"
print(q.extra, hasattr(q, "__dict__"))
class R(P):
    __slots__ = ("w",)
r = R(3, 4)
r.w = 5
print(r.x, r.y, r.w, hasattr(r, "__dict__"))
class S:
    __slots__ = ("a", "__dict__")
s = S()
s.a = 1
s.b = 2
print(s.a, s.__dict__)
