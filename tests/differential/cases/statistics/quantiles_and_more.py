# statistics quantiles (exclusive/inclusive), correlation, covariance, linear_regression, NormalDist
import statistics
data = [105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91]
print(statistics.quantiles(data, n=4))
print(statistics.quantiles(data, n=10))
print(statistics.quantiles(data, n=4, method="inclusive"))
print(statistics.quantiles([1, 2], n=3), statistics.quantiles(range(1, 11)))
x = [1, 2, 3, 4, 5, 6, 7, 8, 9]
y = [1, 2, 3, 1, 2, 3, 1, 2, 3]
print(statistics.covariance(x, y), round(statistics.correlation(x, y), 12))
lr = statistics.linear_regression([1, 2, 3, 4], [3, 5, 7, 9])
print(lr, lr.slope, lr.intercept)
nd = statistics.NormalDist(mu=100, sigma=15)
print(nd, nd.mean, nd.stdev, round(nd.cdf(115), 10), round(nd.inv_cdf(0.5), 10))
print(round(nd.pdf(100), 12), [round(q, 6) for q in nd.quantiles(4)])
print(statistics.NormalDist.from_samples([1, 2, 3, 4, 5]))
for kw in [dict(n=0), dict(n=4, method="bogus")]:
    try:
        statistics.quantiles(data, **kw)
    except (statistics.StatisticsError, ValueError) as e:
        print(type(e).__name__, e)
try:
    statistics.quantiles([1], n=4)
except statistics.StatisticsError as e:
    print(type(e).__name__, e)
statistics.correlation([1, 2], [3])
