# math inf/nan handling: isinf/isnan/isfinite, propagation, comparisons, constants
import math
inf, nan = math.inf, math.nan
print(inf, -inf, nan, math.inf == float("inf"), math.isnan(math.nan))
print(math.isinf(inf), math.isinf(-inf), math.isinf(nan), math.isfinite(1e308), math.isfinite(nan))
print(nan == nan, nan != nan, inf > 10**400, -inf < -(10**400), inf == inf)
print(inf + 1, inf - inf, inf * 0, 1 / inf, -1 / inf)
print(math.floor(1e308), math.sqrt(inf), math.exp(inf), math.exp(-inf), math.log(inf))
print(math.atan(inf), math.tanh(-inf), math.hypot(inf, nan), math.hypot(nan, 3))
print(math.fsum([inf, 1.0]), math.copysign(1, -inf), math.fabs(-inf), math.isnan(math.fmod(1, inf)))
print(math.isclose(nan, nan), math.isnan(math.fsum([nan, 1])), max(1.0, nan), min(nan, 1.0))
print(sorted([3.0, 1.0, 2.0, inf, -inf]), math.frexp(inf), math.modf(inf), math.modf(-inf))
print(float("1e309"), float("-1e309"), 1e308 * 10, repr(-nan) if False else repr(abs(nan)))
