# math: inf/nan classification, isclose, domain and overflow errors
import math

print(math.isinf(float("inf")), math.isnan(math.nan), math.isfinite(1e308), math.isfinite(math.inf))
print(math.nan == math.nan, math.inf > 1e308, math.inf - math.inf)
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1, rel_tol=0.2), math.isclose(0, 1e-12, abs_tol=1e-9))
for f, arg in [(math.sqrt, -1), (math.log, 0), (math.acos, 2), (math.factorial, -1), (math.log, -1)]:
    try:
        f(arg)
    except ValueError as e:
        print(f.__name__, type(e).__name__, e)
try:
    math.exp(1000)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    math.factorial(2.5)
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
try:
    math.sqrt("4")
except TypeError as e:
    print(type(e).__name__, e)
print(math.floor(1e300) == 10**300, math.ceil(2.0000000000000001), type(math.floor(2.5)).__name__)
try:
    math.floor(math.inf)
except OverflowError as e:
    print(type(e).__name__, e)
print(math.nextafter(1.0, 2.0), math.ulp(1.0), math.fabs(-0.0), math.copysign(0.0, -1))
print(math.isqrt(0), math.comb(5, 7), math.gcd(-4, 6), math.fsum([1e100, 1.0, -1e100]))
