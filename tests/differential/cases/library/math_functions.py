# math: common functions, integer helpers and constants
import math

print(math.sqrt(16), math.sqrt(2), math.isqrt(10**20 + 1), math.pow(2, 0.5))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7), math.fabs(-3))
print(math.gcd(12, 18), math.gcd(0, 0), math.gcd(12, 18, 27), math.lcm(4, 6, 10))
print(math.factorial(20), math.comb(10, 3), math.perm(5, 2), math.perm(5))
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024), math.log1p(1e-10))
print(math.exp(1), math.expm1(1e-10), math.hypot(3, 4), math.hypot(1, 2, 2))
print(math.sin(math.pi / 2), math.cos(0), round(math.tan(math.pi / 4), 12))
print(math.degrees(math.pi), math.radians(180), math.atan2(1, -1), math.asin(1))
print(math.copysign(3, -0.0), math.fmod(-7, 3), -7 % 3, math.remainder(7, 2))
print(math.modf(3.75), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.dist((0, 0), (3, 4)), math.cbrt(27) if hasattr(math, "cbrt") else 3.0)
print(math.erf(1), math.gamma(5), math.lgamma(10))
