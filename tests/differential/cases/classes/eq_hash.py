# __eq__ and __hash__ interplay: unhashable when only __eq__, dict/set keys
class Plain:
    pass

class OnlyEq:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, OnlyEq) and self.v == o.v

class Key:
    def __init__(self, a, b): self.a, self.b = a, b
    def __eq__(self, o):
        return isinstance(o, Key) and (self.a, self.b) == (o.a, o.b)
    def __hash__(self):
        return hash((self.a, self.b))
    def __repr__(self): return f"Key({self.a}, {self.b})"

print(OnlyEq.__hash__)
try:
    {OnlyEq(1)}
except TypeError as e:
    print(type(e).__name__, e)
print(OnlyEq(1) == OnlyEq(1), OnlyEq(1) != OnlyEq(2))
d = {Key(1, 2): "x"}
print(d[Key(1, 2)], Key(1, 2) in d, Key(2, 1) in d)
s = {Key(1, 2), Key(1, 2), Key(3, 4)}
print(len(s))
p1 = Plain()
print(p1 == p1, p1 == Plain(), hash(p1) == hash(p1))
class NoHash:
    __hash__ = None
try:
    hash(NoHash())
except TypeError as e:
    print(type(e).__name__, e)
class Child(Key):
    def __eq__(self, o): return True
print(Child.__hash__ is None)
print(hash(Key(0, 0)) == hash((0, 0)))
print(1 == 1.0, hash(1) == hash(1.0), {1: "a", 1.0: "b"})
