# __getattribute__ intercepts every lookup; interaction with __getattr__ and object.__getattribute__
class Logged:
    def __init__(self):
        self.value = 10
        self.log = []
    def __getattribute__(self, name):
        if name != "log":
            object.__getattribute__(self, "log").append(name)
        return object.__getattribute__(self, name)
    def method(self):
        return self.value + 1
o = Logged()
print(o.value, o.method())
print(o.log)
class Both:
    def __getattribute__(self, name):
        if name == "secret":
            raise AttributeError("hidden")
        return super().__getattribute__(name)
    def __getattr__(self, name):
        return f"fallback:{name}"
b = Both()
b.real = 1
print(b.real, b.secret, b.missing)
class Upper:
    def __init__(self): self.word = "hello"
    def __getattribute__(self, name):
        v = super().__getattribute__(name)
        return v.upper() if isinstance(v, str) else v
u = Upper()
print(u.word, getattr(u, "word"), u.__dict__["word"] if False else "skip")
print(len(u.__dict__))
class Raises:
    def __getattribute__(self, name):
        raise KeyError(name)
try:
    Raises().x
except KeyError as e:
    print(type(e).__name__, e)
print(hasattr(Both(), "secret"))
