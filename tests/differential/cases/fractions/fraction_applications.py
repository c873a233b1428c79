# Fractions in typical programs: harmonic sums, continued fractions, exact averages, formatting
from fractions import Fraction
from functools import reduce
h = sum(Fraction(1, k) for k in range(1, 21))
print(h, float(h), h.denominator % 1000)
def continued(x, n):
    out = []
    for _ in range(n):
        i = x.numerator // x.denominator
        out.append(i)
        x -= i
        if x == 0:
            break
        x = 1 / x
    return out
print(continued(Fraction(415, 93), 10), continued(Fraction(355, 113), 10))
vals = [Fraction(1, 2), Fraction(2, 3), Fraction(5, 6)]
mean = sum(vals) / len(vals)
print(mean, f"{float(mean):.4f}", f"{Fraction(1, 3)}", "%s and %r" % (Fraction(2, 4), Fraction(2, 4)))
print(reduce(lambda p, q: p * q, [Fraction(k, k + 1) for k in range(1, 11)]))
egypt = []
x = Fraction(4, 13)
while x:
    d = -(-x.denominator // x.numerator)
    egypt.append(Fraction(1, d))
    x -= Fraction(1, d)
print(egypt, sum(egypt))
print(max(vals), min(vals, key=lambda f: f.denominator), {Fraction(1, 2): "half"}[Fraction(2, 4)])
