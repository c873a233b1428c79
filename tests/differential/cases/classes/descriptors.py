# data and non-data descriptors: __get__/__set__/__delete__ and lookup precedence
class Typed:
    def __init__(self, name, kind):
        self.name = name
        self.kind = kind
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, "unset")
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name} must be {self.kind.__name__}")
        obj.__dict__[self.name] = value
    def __delete__(self, obj):
        obj.__dict__.pop(self.name, None)
class NonData:
    def __get__(self, obj, objtype=None):
        return "from descriptor"
class Point:
    x = Typed("x", int)
    label = NonData()
p = Point()
print(p.x)
p.x = 5
print(p.x, p.__dict__)
try:
    p.x = "five"
except TypeError as e:
    print(type(e).__name__, e)
del p.x
print(p.x)
print(p.label)
p.__dict__["label"] = "instance wins"
print(p.label)
p.__dict__["x"] = 99
print(p.x)
print(type(Point.x).__name__, Point.label)
print(hasattr(Typed, "__set__"), hasattr(NonData, "__set__"))
