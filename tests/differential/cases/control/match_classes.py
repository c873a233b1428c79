# match class patterns: keyword attributes, positional via __match_args__, builtins with one positional, nesting
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y
class Circle:
    __match_args__ = ("center", "r")
    def __init__(self, center, r): self.center, self.r = center, r
def where(p):
    match p:
        case Point(0, 0): return "origin"
        case Point(x=0, y=y): return f"on y axis at {y}"
        case Point(x, 0): return f"on x axis at {x}"
        case Point(x, y) if x == y: return f"diagonal {x}"
        case Circle(Point(x, y), r=r) if r > 10: return f"big circle at {x},{y}"
        case Circle(center=Point() as c, r=r): return f"circle r={r} cx={c.x}"
        case Point(): return "somewhere"
        case int(n) | float(n): return f"number {n}"
        case str(s): return f"string {s}"
        case list([int(), *_] as l): return f"int list len {len(l)}"
        case dict(d): return f"dict {d}"
        case _: return "unknown"
for obj in [Point(0, 0), Point(0, 5), Point(4, 0), Point(2, 2), Point(1, 3),
            Circle(Point(1, 1), 20), Circle(Point(7, 1), 2), 3, 2.5, "hi", [1, "a"], ["a"], {"k": 1}, None]:
    print(where(obj))
class NoArgs:
    pass
try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print(type(e).__name__, e)
match True:
    case bool(b):
        print("bool", b)
