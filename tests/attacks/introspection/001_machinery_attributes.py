# technique: reach frames, code, globals, closures and builtins of functions, generators, coroutines and tracebacks by every attribute route (dot, getattr, object.__getattribute__, type.__dict__ descriptors)
# source: original (pyocap)
# goal: HOST_OBJECT
CANARY = "/tmp/ocap-canary-PLACEHOLDER"


def report(how, what):
    print("ESCAPED:", how, "->", what)


def f(a=1):
    return a


def gen():
    yield 1


async def coro():
    return 1


def tb():
    try:
        raise ValueError("x")
    except ValueError as e:
        return e.__traceback__


c = coro()
targets = [("function", f), ("generator", gen()), ("coroutine", c), ("traceback", tb()), ("builtin", len), ("method", [].append)]
names = ["__globals__", "__code__", "__closure__", "__builtins__", "__defaults__", "__kwdefaults__",
         "gi_frame", "gi_code", "cr_frame", "cr_code", "ag_frame", "tb_frame", "f_back", "f_globals",
         "f_locals", "f_builtins", "co_code", "__self__"]
for label, obj in targets:
    for name in names:
        routes = (
            ("getattr", lambda: getattr(obj, name)),
            ("object.__getattribute__", lambda: object.__getattribute__(obj, name)),
            ("mro descriptor", lambda: [k.__dict__[name] for k in type(obj).__mro__ if name in k.__dict__][0].__get__(obj, type(obj))),
        )
        for how, thunk in routes:
            try:
                value = thunk()
            except Exception:
                continue
            if name == "__self__" and type(value).__name__ != "module":
                continue
            report("%s %s.%s" % (how, label, name), type(value).__name__)
c.close()
for ctor, args in ((type(f), (None, {})), (type(tb()), (None, None, 0, 0))):
    try:
        ctor(*args)
        report("constructor", ctor.__name__)
    except Exception:
        pass
print("contained")
