# datetime: timedelta arithmetic, comparisons, normalisation, replace
from datetime import datetime, date, timedelta

d = date(2024, 1, 31)
print(d + timedelta(days=1), d - timedelta(days=31))
print(date(2024, 3, 1) - date(2023, 3, 1))
td = timedelta(days=1, hours=25, minutes=61, seconds=-1)
print(td, td.days, td.seconds, td.total_seconds())
print(timedelta(seconds=-1), repr(timedelta(hours=-2, microseconds=5)))
print(timedelta(weeks=2) // timedelta(days=3), timedelta(weeks=2) % timedelta(days=3))
print(timedelta(hours=3) / 2, timedelta(hours=3) * 1.5, timedelta(minutes=90) / timedelta(hours=1))
dt = datetime(1999, 12, 31, 23, 59, 59)
print(dt + timedelta(seconds=1))
print(dt.replace(year=2000, month=2, day=29), dt > datetime(1999, 1, 1))
print(sorted([date(2020, 5, 1), date(2019, 5, 1), date(2020, 1, 1)]))
print(date.fromordinal(738000), date(2024, 1, 1).toordinal())
print(abs(timedelta(days=-3)), -timedelta(days=1, seconds=5))
print(date.max, date.min, timedelta.max)
try:
    date.max + timedelta(days=1)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    d + 1
except TypeError as e:
    print(type(e).__name__, e)
