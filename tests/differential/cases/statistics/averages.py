# statistics mean, fmean, median variants, geometric_mean, harmonic_mean with ints/floats/Fractions/Decimals
import statistics
from fractions import Fraction
from decimal import Decimal
data = [2, 4, 4, 4, 5, 5, 7, 9]
print(statistics.mean(data), statistics.mean([1, 2, 3, 4]), statistics.mean([1.5, 2.5]), statistics.mean([-1, 1]))
print(statistics.fmean(data), statistics.fmean([1, 2, 3, 4]), statistics.fmean([3.5, 4], weights=[1, 3]) if False else statistics.fmean([3.5, 4]))
print(statistics.mean([Fraction(1, 2), Fraction(1, 3)]), statistics.mean([Decimal("1.1"), Decimal("2.2")]))
print(statistics.median([3, 1, 2]), statistics.median([4, 1, 3, 2]), statistics.median([1.0]))
print(statistics.median_low([1, 3, 5, 7]), statistics.median_high([1, 3, 5, 7]), statistics.median_low(["a", "c", "b"]))
print(statistics.median_grouped([52, 52, 53, 54]), statistics.median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5], 2))
print(round(statistics.geometric_mean([54, 24, 36]), 9), statistics.harmonic_mean([40, 60]), statistics.harmonic_mean([2.5, 3, 10]))
print(statistics.harmonic_mean([1, 0, 2]), statistics.harmonic_mean([40, 60], weights=[5, 30]))
print(type(statistics.mean([1, 2])).__name__, type(statistics.mean([1, 2.0])).__name__, type(statistics.fmean([1])).__name__)
print(statistics.mean(iter(range(1, 101))), statistics.median(range(1000)), statistics.mean([True, False, True]))
print(statistics.mean([10**20, 10**20 + 2]), statistics.mean([1e308, 1e308]))
