# statistics.NormalDist arithmetic, comparisons, overlap, zscore, samples with seed, and errors
import statistics
a = statistics.NormalDist(10, 2)
b = statistics.NormalDist(12, 3)
print(a + b, a - 1, a * 3, 2 * a, a / 2)
print(a == statistics.NormalDist(10, 2), a == b, a.variance, a.median, a.mode)
print(round(a.overlap(b), 10), round(a.zscore(13), 10), round(a.cdf(10), 10))
print([round(x, 6) for x in statistics.NormalDist().quantiles(n=5)])
print(round(statistics.NormalDist().inv_cdf(0.975), 10), round(statistics.NormalDist().pdf(0), 12))
print([round(x, 10) for x in statistics.NormalDist(0, 1).samples(3, seed=42)])
print(statistics.NormalDist.from_samples([2.5, 3.5, 4.0, 5.0]))
for bad in [lambda: statistics.NormalDist(0, -1), lambda: statistics.NormalDist().inv_cdf(1.5),
            lambda: statistics.NormalDist(0, 0).pdf(0), lambda: statistics.NormalDist.from_samples([1])]:
    try:
        print(bad())
    except statistics.StatisticsError as e:
        print(type(e).__name__, e)
