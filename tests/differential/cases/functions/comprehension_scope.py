# scoping of comprehensions: loop variables do not leak, class-body scope is invisible to nested comprehensions
x = "outer"
squares = [x for x in range(4)]
print(squares, x)

gen_total = sum(i for i in range(5))
try:
    print(i)
except NameError as e:
    print(type(e).__name__, e)

class Config:
    base = 10
    items = [n for n in range(base, base + 3)]
    try:
        nested = [base + n for n in range(2)]
    except NameError as e:
        nested = f"{type(e).__name__}: {e}"
print(Config.items)
print(Config.nested)

def f():
    k = 3
    return [k * j for j in range(3)], {j: k for j in "ab"}
print(f())

def walrus_leak():
    data = [1, 5, 9, 2]
    if any((big := v) > 4 for v in data):
        return big
print(walrus_leak())
funcs = [lambda: n for n in range(3)]
print([g() for g in funcs])
print([[r * c for c in range(3)] for r in range(3)])
