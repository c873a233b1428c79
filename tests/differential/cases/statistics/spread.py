# statistics variance, pvariance, stdev, pstdev, with mu/xbar, exact Fractions, and errors
import statistics
from fractions import Fraction
data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
print(statistics.variance(data), statistics.pvariance(data))
print(statistics.stdev(data), statistics.pstdev(data))
print(statistics.variance([1, 2, 3, 4, 5]), statistics.pvariance([1, 2, 3, 4, 5]), statistics.stdev([1, 2, 3, 4, 5]))
print(statistics.pvariance([0, 0, 4, 4], mu=2), statistics.variance([1, 3, 5], xbar=3))
print(statistics.variance([Fraction(1, 4), Fraction(5, 4), Fraction(1, 2)]))
print(statistics.pvariance([5]), statistics.pstdev([7, 7, 7]), statistics.stdev([1.5, 1.5]))
print(statistics.variance([10**10 + 4, 10**10 + 7, 10**10 + 13, 10**10 + 16]))
print(round(statistics.stdev(range(100)), 10), type(statistics.variance([1, 2, 3])).__name__)
for f, arg in [(statistics.variance, [1]), (statistics.stdev, []), (statistics.pvariance, []), (statistics.mean, []),
               (statistics.median, []), (statistics.harmonic_mean, [-1, 2]), (statistics.geometric_mean, [0, 1]),
               (statistics.fmean, [])]:
    try:
        print(f(arg))
    except statistics.StatisticsError as e:
        print(f.__name__, type(e).__name__, e)
