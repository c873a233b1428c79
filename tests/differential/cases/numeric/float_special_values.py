# Checks inf and nan arithmetic, comparisons and conversions
inf, nan = float('inf'), float('nan')
print(inf + 1, inf - inf, inf * 0, -inf * -1, inf / inf, 1 / inf, -1 / inf)
print(nan == nan, nan != nan, nan < 1, nan > 1, inf > 10 ** 400, -inf < -(10 ** 400))
print(max(1, inf), min(-inf, 0), sorted([3, -inf, inf, 0]))
print(nan in [nan], [nan] == [nan], nan is nan, inf == inf)
print(float('-nan'), float('+inf'), str(-inf), repr(nan))
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10, 2.0 ** 1023 * 2)
try:
    2.0 ** 1024
except OverflowError as e:
    print(type(e).__name__, e)
try:
    int(inf)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    int(nan)
except ValueError as e:
    print(type(e).__name__, e)
print(inf % 3, 3 % inf, -3 % inf, 3 // inf, -3 // inf)
print(divmod(5.0, inf), divmod(-5.0, inf))
print(0.0 == -0.0, str(-0.0), -0.0 + 0.0, 0.0 * -1, abs(-0.0))
