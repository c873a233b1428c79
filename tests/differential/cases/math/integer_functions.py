# math integer functions: floor/ceil/trunc, gcd/lcm, isqrt, comb/perm, factorial
import math
print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1), math.trunc(-2.9), math.trunc(2.9))
print(type(math.floor(2.0)).__name__, math.floor(10**20 + 0.5), math.ceil(5), math.floor(True))
print(math.gcd(12, 18), math.gcd(0, 0), math.gcd(-4, 6), math.gcd(), math.gcd(12, 18, 27), math.gcd(7))
print(math.lcm(4, 6), math.lcm(0, 5), math.lcm(), math.lcm(2, 3, 4), math.lcm(-3, 4))
print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(10**40), math.isqrt(2**127))
print(math.comb(5, 2), math.comb(5, 0), math.comb(5, 7), math.comb(100, 50))
print(math.perm(5, 2), math.perm(5), math.perm(5, 6), math.perm(0, 0))
print(math.factorial(0), math.factorial(10), len(str(math.factorial(100))))
class Frac:
    def __floor__(self): return "floored"
    def __ceil__(self): return "ceiled"
    def __trunc__(self): return "truncated"
print(math.floor(Frac()), math.ceil(Frac()), math.trunc(Frac()))
for f, args in [(math.isqrt, (-1,)), (math.factorial, (-1,)), (math.factorial, (2.5,)),
                (math.comb, (-1, 2)), (math.perm, (3, -1)), (math.gcd, (1.5, 2)),
                (math.floor, (float("inf"),)), (math.ceil, (float("nan"),))]:
    try:
        print(f(*args))
    except (ValueError, TypeError, OverflowError) as e:
        print(f.__name__, type(e).__name__, e)
