# statistics: quantiles, correlation/regression, NormalDist
import statistics as st

xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
print(st.quantiles(xs, n=4), st.quantiles(xs, n=4, method="inclusive"))
print([round(q, 6) for q in st.quantiles([1.5, 2.5, 8.0, 9.1], n=10)])
ys = [2, 4, 5, 4, 5, 7, 8, 9, 10, 12]
print(round(st.correlation(xs, ys), 10), round(st.covariance(xs, ys), 10))
lr = st.linear_regression(xs, ys)
print(round(lr.slope, 10), round(lr.intercept, 10))
nd = st.NormalDist(mu=100, sigma=15)
print(nd, nd.mean, nd.stdev, nd.variance)
print(round(nd.cdf(115), 10), round(nd.pdf(100), 10), round(nd.inv_cdf(0.975), 8))
print(round(nd.overlap(st.NormalDist(110, 15)), 10), [round(q, 6) for q in nd.quantiles(4)])
s = nd + st.NormalDist(0, 20)
print(s, nd * 2, nd - 10)
fit = st.NormalDist.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5])
print(round(fit.mean, 10), round(fit.stdev, 10), round(nd.zscore(130), 10))
try:
    st.NormalDist(0, -1)
except st.StatisticsError as e:
    print(type(e).__name__, e)
try:
    st.correlation([1, 1, 1], [1, 2, 3])
except st.StatisticsError as e:
    print(type(e).__name__, e)
