# math logs, exp, powers and trigonometry, with rounding for stable output
import math
print(math.log(math.e), math.log(8, 2), math.log(100, 10), math.log2(1024), math.log10(0.001))
print(math.log(10**400) > 900, math.log2(2**1000), math.log10(10**50), math.log1p(0.0))
print(math.exp(0), math.exp(1) == math.e, round(math.exp(-1), 12), math.expm1(0.0))
print(math.pow(2, 10), math.pow(2, -1), math.pow(0, 0), 2 ** 0.5 == math.sqrt(2))
print(math.sqrt(16), math.sqrt(2), round(math.cbrt(27), 12), round(math.cbrt(-64), 12))
print(math.pi, math.tau, math.e)
print(math.sin(0), math.cos(0), round(math.sin(math.pi / 6), 12), round(math.tan(math.pi / 4), 12))
print(math.asin(1), math.acos(1), math.atan(1) * 4, math.atan2(1, -1), math.atan2(-0.0, -1))
print(math.degrees(math.pi), math.radians(180), round(math.degrees(math.atan2(1, 1)), 10))
print(math.sinh(0), math.cosh(0), math.tanh(0), round(math.asinh(1), 12), math.acosh(1), math.atanh(0))
print(math.erf(0), math.erfc(0), math.gamma(5), math.lgamma(1), round(math.gamma(0.5) ** 2, 12))
