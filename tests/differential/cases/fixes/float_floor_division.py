# float //, % and divmod from the exact remainder, with CPython's signs of zero and messages
vals = [1, -1, 7, -7, 0.5, 2.5, -2.5, 3.7, 1e300, 0.0, -0.0, 1e-300]
divs = [0.1, -0.1, 3, -3, 0.3, 2, 1e-300, 1e300, float('inf'), -float('inf')]
for a in vals:
    print(a, [(a // b, a % b, divmod(a, b)) for b in divs])
for f in [lambda: 1.0 // 0.0, lambda: 1 // 0.0, lambda: 1.0 % 0, lambda: divmod(1.0, 0), lambda: 1.0 / 0, lambda: 1 / 0.0]:
    try:
        f()
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
print(7.0.__floordiv__(2), 7.0.__rfloordiv__(2), (2).__floordiv__(7.0), 10**20 // 3.0, 7.5.__divmod__(2), 7.5.__rmod__(2))
class F(float):
    pass
print(F(7.5) // 2, F(7.5) % 2, divmod(F(-7.5), 2))
