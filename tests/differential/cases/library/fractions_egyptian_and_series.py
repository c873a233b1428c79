# fractions: exact series sums, Egyptian fractions, continued fractions and formatting
from fractions import Fraction as F
import math

def egyptian(fr):
    out = []
    while fr.numerator:
        d = math.ceil(fr.denominator / fr.numerator)
        out.append(F(1, d))
        fr -= F(1, d)
    return out
print(egyptian(F(4, 13)), egyptian(F(5, 6)))
harmonic = sum(F(1, k) for k in range(1, 21))
print(harmonic, float(harmonic))
def cont_frac(fr, n=8):
    terms = []
    while n and fr.denominator != 1 or (n and not terms):
        q = math.floor(fr)
        terms.append(q)
        fr -= q
        if fr == 0:
            break
        fr = 1 / fr
        n -= 1
    return terms
print(cont_frac(F(415, 93)), cont_frac(F(-7, 3)))
e_approx = sum(F(1, math.factorial(k)) for k in range(12))
print(e_approx, e_approx.limit_denominator(1000), round(float(e_approx), 10))
print(F(2, 3) ** 10, F(-1, 2) ** 3, F(0) ** 0, (F(1, 3) * 3).denominator)
print(f"{float(F(22, 7)):.3f}", str(F(10, -4)), F(" -3/ 4".replace(" ", "")))
print([F(n, 6) for n in range(7) if F(n, 6).denominator == 3])
