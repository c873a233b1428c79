# timedelta normalisation, arithmetic, division, total_seconds, str/repr, negative values, limits
from datetime import timedelta
t = timedelta(days=1, hours=25, minutes=61, seconds=3661, microseconds=1500000)
print(t, repr(t), t.days, t.seconds, t.microseconds, t.total_seconds())
n = timedelta(seconds=-1)
print(n, repr(n), -timedelta(days=1, hours=1), abs(n))
print(timedelta(hours=1) * 2.5, timedelta(hours=1) / 4, timedelta(hours=3) / timedelta(minutes=7))
print(timedelta(hours=3) // timedelta(minutes=7), timedelta(hours=3) % timedelta(minutes=7))
print(divmod(timedelta(days=1), timedelta(hours=5)), timedelta(minutes=10) // 3)
print(timedelta(weeks=2, milliseconds=1), timedelta(0), bool(timedelta(0)), timedelta(microseconds=1))
print(timedelta(days=0.5), timedelta(seconds=0.000001), timedelta(seconds=1.0000005))
print(timedelta.max, timedelta.min, timedelta.resolution)
print(timedelta(days=1) > timedelta(hours=23), timedelta(hours=24) == timedelta(days=1))
print(sum([timedelta(minutes=m) for m in (15, 30, 45)], timedelta()))
for bad in (lambda: timedelta(days=10 ** 9), lambda: timedelta(hours=1) / 0, lambda: timedelta(1) + 1):
    try:
        bad()
    except (OverflowError, ZeroDivisionError, TypeError) as e:
        print(type(e).__name__, e)
