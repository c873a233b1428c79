# subclassing builtins: list, dict (with __missing__), int and str with extra behaviour
class Stack(list):
    def push(self, x):
        self.append(x)
        return self
    def peek(self):
        return self[-1]
s = Stack([1, 2])
s.push(3).push(4)
print(s, s.peek(), len(s), type(s).__name__, isinstance(s, list))
print(type(s + [5]).__name__, type(s[1:]).__name__)
class DefaultDict(dict):
    def __missing__(self, key):
        self[key] = len(key)
        return self[key]
d = DefaultDict(a=1)
print(d["a"], d["hello"], sorted(d.items()))
print(d.get("zzz"), "zzz" in d)
class Meters(int):
    def __new__(cls, v):
        return super().__new__(cls, abs(v))
    def __repr__(self):
        return f"{int(self)}m"
m = Meters(-5)
print(m, m + 1, type(m + 1).__name__, m * 2, m == 5)
class Shout(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())
    def exclaim(self):
        return self + "!"
x = Shout("hi there")
print(x, x.exclaim(), x.lower(), type(x.lower()).__name__, len(x))
print(x.split(), isinstance(x, str))
class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    @property
    def first(self): return self[0]
pp = Pair(1, 2)
print(pp, pp.first, pp == (1, 2), hash(pp) == hash((1, 2)))
