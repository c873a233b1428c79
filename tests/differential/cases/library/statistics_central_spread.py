# statistics: mean/median/mode family, variance/stdev, and their errors
import statistics as st
from fractions import Fraction
from decimal import Decimal

data = [2, 4, 4, 4, 5, 5, 7, 9]
print(st.mean(data), st.fmean(data), st.median(data), st.median_low(data), st.median_high(data))
print(st.mode(data), st.multimode("aabbbcccd"), st.mode(["red", "blue", "red"]))
print(st.pstdev(data), st.stdev(data), st.pvariance(data), round(st.variance(data), 10))
print(st.mean([Fraction(1, 2), Fraction(1, 3)]), st.mean([Decimal("1.1"), Decimal("2.2")]))
print(st.median([3, 1, 2]), st.median([1.5, 2.5]), st.mean([1.0, 2.0, 4.0]))
print(round(st.geometric_mean([1, 2, 4, 8]), 10), st.harmonic_mean([40, 60]), st.harmonic_mean([1, 0]))
print(st.median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5]))
print(st.variance([Fraction(1), Fraction(2), Fraction(4)]), st.pvariance([1.5, 2.5, 3.5], mu=2.5))
for fn, arg in [(st.mean, []), (st.median, []), (st.stdev, [1]), (st.mode, [])]:
    try:
        fn(arg)
    except st.StatisticsError as e:
        print(fn.__name__, type(e).__name__, e)
print(isinstance(st.StatisticsError(), ValueError), type(st.mean([1, 2])).__name__, type(st.mean([1, 3])).__name__)
