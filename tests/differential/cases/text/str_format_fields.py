# Checks str.format with positional, auto, keyword, attribute and index fields and conversions
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
p = Point(3, 4)
data = {"name": "Ana", "langs": ["py", "rs"], 0: "zero-key"}
print("{} {} {}".format(1, "two", 3.0), "{1} {0} {1}".format("a", "b"), "{x}-{y}".format(x=1, y=2))
print("{0.x},{0.y} {0!r} {0!s}".format(p), "{p.x}".format(p=p), "{[1]}".format("abc"))
print("{d[name]} {d[langs][1]} {d[langs]!r}".format(d=data), "{0[0]}".format(data))
print("{:>8}|{:<8}|{:^8}|{:*^9}|".format("r", "l", "c", "s"), "{0:{1}}|".format("w", 6))
print("{:{fill}{align}{width}.{prec}f}".format(3.14159, fill="0", align=">", width=10, prec=3))
print("{!r:>10}|{!s:<6}|{!a}".format("é", 12, "日本"), "{{literal}} {}".format("x"), "{{}}".format())
print("{0}{0}{0}".format("ab"), "{:,}".format(1234567), "{:.3}".format("truncate"), "{:%}".format(0.25))
args, kw = ("A", "B"), {"k": "K"}
print("{0}{1}{k}".format(*args, **kw), str.format("{}!", "hi"), "{:}".format(5))
for fmt, a, k in [("{} {}", ("a",), {}), ("{0} {}", ("a", "b"), {}), ("{x}", (), {}), ("{0.nope}", (p,), {}),
                  ("{0[5]}", ("abc",), {}), ("{", (), {}), ("{!x}", ("a",), {}), ("}", (), {}), ("{:d}", ("s",), {})]:
    try:
        print(fmt.format(*a, **k))
    except (IndexError, KeyError, AttributeError, ValueError) as e:
        print(type(e).__name__, e)
