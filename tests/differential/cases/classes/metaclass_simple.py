# simple metaclasses: __new__, __init__, __call__ (singleton), type() with three arguments, metaclass __repr__
class Meta(type):
    created = []
    def __new__(mcls, name, bases, ns, **kw):
        ns["tag"] = name.upper()
        cls = super().__new__(mcls, name, bases, ns)
        Meta.created.append(name)
        return cls
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        cls.field_names = sorted(k for k in ns if not k.startswith("__"))
class Model(metaclass=Meta):
    a = 1
    b = 2
class User(Model):
    name = "x"
print(Model.tag, User.tag, Meta.created)
print(Model.field_names, User.field_names)
print(type(Model).__name__, type(User) is Meta, isinstance(User, type))
class Singleton(type):
    _inst = {}
    def __call__(cls, *args, **kwargs):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*args, **kwargs)
        return cls._inst[cls]
class Config(metaclass=Singleton):
    def __init__(self, v):
        self.v = v
c1, c2 = Config(1), Config(2)
print(c1 is c2, c2.v)
Dyn = type("Dyn", (object,), {"x": 5, "double": lambda self: self.x * 2})
print(Dyn.__name__, Dyn().double(), type(Dyn).__name__)
print(type(type), type(int), type(3))
class M2(type):
    def __repr__(cls): return f"<class-{cls.__name__}>"
class K(metaclass=M2): pass
print(K, [K])
