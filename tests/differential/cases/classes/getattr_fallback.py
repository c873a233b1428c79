# __getattr__ is only called for missing attributes; proxies, dynamic attributes, __setattr__/__delattr__ hooks
class Proxy:
    def __init__(self, target): self._target, self.calls = target, []
    def __getattr__(self, name):
        self.calls.append(name)
        return getattr(self._target, name)
p = Proxy([3, 1, 2])
p.append(0)
p.sort()
print(p._target, p.calls, p.count(1), p.calls[-1])
try:
    p.nonexistent
except AttributeError as e:
    print(type(e).__name__, e)
class Dyn:
    x = 1
    def __getattr__(self, name):
        if name.startswith("get_"):
            return lambda: name[4:].upper()
        raise AttributeError(f"{type(self).__name__!r} has no {name!r}")
d = Dyn()
print(d.x, d.get_foo(), d.get_bar())
print(hasattr(d, "get_x"), hasattr(d, "other"), getattr(d, "other", "default"))
try:
    d.other
except AttributeError as e:
    print(type(e).__name__, e)
class Attrs:
    def __init__(self): self.a = 1
    def __setattr__(self, name, value):
        super().__setattr__(name, value * 2 if isinstance(value, int) else value)
    def __delattr__(self, name):
        print("del", name)
        super().__delattr__(name)
o = Attrs()
o.b = 5
print(o.a, o.b, sorted(o.__dict__))
del o.a
print(hasattr(o, "a"))
