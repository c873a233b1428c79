# str.format field names: auto/manual numbering, keywords, attributes, indexing, conversions, braces
import datetime
print("{} {} {}".format(1, 2, 3), "{2} {0} {1} {0}".format("a", "b", "c"), "{x}-{y}".format(x=1, y=2))
print("{0[0]} {0[1]} {1[k]}".format([10, 20], {"k": "v"}), "{0.real} {0.imag}".format(3 + 4j))
print("{p[name]} is {p[age]}".format(p={"name": "Ann", "age": 5}), "{0[1][0]}".format([[1], [2]]))
print("{!r} {!s} {!a}".format("é", "é", "é"), "{0!r:>8}".format("x"), "{{}} {{{}}}".format(5), "{}".format({}))
print("{:d}".format(10), "{:>{}}".format("x", 4), "{0:{1}}".format(3.14159, ".2f"))
print("{a}{b}".format_map({"a": 1, "b": 2}), "{0}{0}".format("ab"), "{}".format(None), "".format(1, 2))
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __format__(self, spec):
        return f"P<{self.x},{self.y}>{spec}"
print("{}".format(Point(1, 2)), "{:abc}".format(Point(3, 4)), "{0.x}/{0.y}".format(Point(5, 6)))
class Default(dict):
    def __missing__(self, key):
        return "?" + key
print("{a} {b}".format_map(Default(a=1)))
for fmt, args, kw in [("{} {1}", (1, 2), {}), ("{0} {}", (1, 2), {}), ("{2}", (1,), {}), ("{x}", (), {}), ("{", (), {}),
                      ("}", (), {}), ("{0.nope}", (1,), {}), ("{0[5]}", ([1],), {}), ("{!x}", (1,), {}), ("{:q}", (1,), {})]:
    try:
        print(fmt.format(*args, **kw))
    except (ValueError, IndexError, KeyError, AttributeError) as e:
        print(type(e).__name__, e)
print("{:%Y-%m-%d}".format(datetime.date(2024, 5, 1)), f"{datetime.date(2024, 5, 1):%d/%m}")
