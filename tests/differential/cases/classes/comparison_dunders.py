# rich comparisons, reflection of comparisons, functools.total_ordering, sorting
import functools

@functools.total_ordering
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __eq__(self, o):
        if not isinstance(o, Version):
            return NotImplemented
        return self.parts == o.parts
    def __lt__(self, o):
        if not isinstance(o, Version):
            return NotImplemented
        return self.parts < o.parts
    def __repr__(self):
        return "V" + ".".join(map(str, self.parts))

vs = [Version(s) for s in ["1.10", "1.2", "1.2.1", "0.9", "2"]]
print(sorted(vs))
print(max(vs), min(vs))
a, b = Version("1.0"), Version("1.0.1")
print(a < b, a <= b, a > b, a >= b, a == b, a != b)
print(a == "1.0", a != "1.0")
try:
    a < "1.0"
except TypeError as e:
    print(type(e).__name__, e)

class Rev:
    def __init__(self, v): self.v = v
    def __gt__(self, o):
        print("Rev.__gt__ called")
        return self.v > o
print(3 < Rev(5))
print(Rev(1) > 0)
print(Version("3") in vs, Version("2") in vs)
