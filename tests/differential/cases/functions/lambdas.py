# lambda expressions: sorting keys, map/filter, immediately invoked, defaults, conditional bodies
people = [("ann", 31), ("bob", 25), ("cy", 31), ("dee", 19)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(list(map(lambda x: x * x, range(5))))
print(list(filter(lambda x: x % 3 == 0, range(10))))
print((lambda x, y=10: x + y)(5), (lambda *a: sum(a))(1, 2, 3))
print((lambda **k: sorted(k))(b=1, a=2))
sign = lambda n: "neg" if n < 0 else ("zero" if n == 0 else "pos")
print([sign(n) for n in (-2, 0, 3)])
compose = lambda f, g: lambda x: f(g(x))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(4))
print(sign.__name__, (lambda: 0).__name__)
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
print([ops[o](6, 3) for o in "+-*"])
print(max(["apple", "fig", "banana"], key=lambda s: len(s)))
f = lambda: (yield)
print(type(f()).__name__)
kw = lambda *, k: k
print(kw(k="only"))
try:
    kw("pos")
except TypeError as e:
    print(type(e).__name__, e)
