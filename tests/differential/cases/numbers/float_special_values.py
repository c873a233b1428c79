# inf and nan: arithmetic, comparisons, containers, math predicates, signed zero
import math
inf, nan = float("inf"), float("nan")
print(inf + 1, inf - inf, inf * 0, -inf * -1, inf / inf, 1 / inf, inf > 10 ** 400, -inf < -10 ** 400)
print(nan == nan, nan != nan, nan < 1, nan > 1, nan is nan, [nan] == [nan], nan in [nan], nan in [float("nan")])
print(math.isnan(nan), math.isinf(-inf), math.isfinite(1e308), math.isfinite(nan), math.isinf(1e308 * 10))
print(max(1, nan), max(nan, 1), min(inf, 5), sorted([3, inf, -inf, 0]), sum([inf, -inf]))
print(math.copysign(1, -0.0), math.copysign(1, 0.0), -0.0 == 0.0, repr(-0.0 + 0.0), repr(-0.0 - 0.0), repr(-0.0 * 5))
print(math.atan2(0.0, -0.0), math.atan2(-0.0, -0.0), math.sqrt(-0.0), repr(abs(-0.0)))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1e-10, 0, abs_tol=1e-9), math.isclose(inf, inf), math.isclose(nan, nan))
print(math.floor(-0.5), math.ceil(-0.5), math.trunc(-2.7), math.floor(2.0 ** 60), type(math.floor(1.5)).__name__)
print(math.inf == inf, math.nan != math.nan, -math.inf, hash(inf) == hash(float("inf")))
print(1e308 * 10, -1e308 * 10, 2.0 ** 1023 * 2, 1e-323 / 10, 5e-324 / 2)
for op in (lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.floor(inf), lambda: math.ceil(nan),
           lambda: math.exp(1000), lambda: math.log(-1.0), lambda: math.fsum([inf, -inf])):
    try:
        print(op())
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
