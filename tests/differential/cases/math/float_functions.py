# math float functions: fsum, prod, dist, hypot, copysign, fmod, modf, frexp/ldexp, isclose
import math
print(sum([0.1] * 10), math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]), math.fsum([]))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2, 0.5]), math.prod(range(1, 6), start=10))
print(math.prod([[1], 3]) if False else math.prod(["ab", 2], start=1) if False else math.prod([1.5, 2]))
print(math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], [4, 6, 3]), math.dist((), ()))
print(math.hypot(3, 4), math.hypot(), math.hypot(-5), math.hypot(1, 2, 2))
print(math.copysign(3, -0.0), math.copysign(-2.5, 1), math.copysign(1, float("-nan")) if False else math.copysign(0.0, -1))
print(math.fmod(7, 3), math.fmod(-7, 3), -7 % 3, math.fmod(7.5, -2))
print(math.modf(3.75), math.modf(-2.5), math.modf(0.0))
print(math.frexp(8.0), math.frexp(0.0), math.frexp(-0.75), math.ldexp(0.5, 4), math.ldexp(1, -1074))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1.0, 1.1), math.isclose(1.0, 1.1, rel_tol=0.1))
print(math.isclose(0.0, 1e-10), math.isclose(0.0, 1e-10, abs_tol=1e-9), math.isclose(math.inf, math.inf))
print(math.fabs(-3), math.remainder(10, 3), math.remainder(11, 3))
print(math.nextafter(1.0, 2.0), math.ulp(1.0), math.ulp(0.0))
try:
    math.dist((1, 2), (1, 2, 3))
except ValueError as e:
    print(type(e).__name__, e)
try:
    math.isclose(1, 1, rel_tol=-1)
except ValueError as e:
    print(type(e).__name__, e)
