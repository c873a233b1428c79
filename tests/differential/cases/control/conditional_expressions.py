# conditional expressions, short-circuit and/or returning operands, chained comparisons, truthiness
def classify(n):
    return "neg" if n < 0 else "zero" if n == 0 else "pos"
print([classify(n) for n in (-5, 0, 5)])
print(0 or "default", "" or [] or None, "a" and "b", 0 and 1/0, 1 or 1/0)
print([] or {} or "last", "x" and "" and "never")
x = 5
print(1 < x < 10, 1 < x > 4, 10 > x >= 5 > 2, 1 < x < 3)
print(x == 5 == 5.0, "a" < "b" < "c", [1] == [1] != [2])
print(not [], not [0], not 0.0, not "0", bool(None), bool(0j), bool(range(0)))
calls = []
def t(v):
    calls.append(v)
    return v
r = t(0) and t(1)
r2 = t(2) or t(3)
r3 = t(4) < t(1) < t(5)
print(r, r2, r3, calls)
print("even" if x % 2 == 0 else "odd", (lambda: "yes" if x else "no")())
a = b = None
print(a is b, a is not None, None == False, isinstance(True, int), True + True)
print(max(3, 7) if x else min(3, 7), [i for i in range(5) if i % 2 or i == 0])
print("nested" if (x if x > 10 else 0) else "fallback")
