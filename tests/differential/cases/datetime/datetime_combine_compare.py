# datetime construction, combine, replace, attributes, comparisons, date()/time() parts, min/max
from datetime import date, time, datetime, timedelta
dt = datetime.combine(date(2020, 12, 31), time(23, 59, 30))
print(dt, dt + timedelta(seconds=45), repr(dt + timedelta(seconds=30)))
print(dt.date(), dt.time(), dt.year, dt.hour, dt.second, dt.microsecond, dt.weekday())
print(dt.replace(hour=0, minute=0, second=0), dt.replace(microsecond=5))
print(datetime(2020, 1, 1) < datetime(2020, 1, 1, 0, 0, 0, 1), max(datetime(2019, 5, 5), datetime(2019, 5, 4, 23)))
print(datetime(2024, 3, 10, 8) - datetime(2024, 3, 9, 20, 30), datetime(2000, 1, 1) - datetime(2000, 1, 2))
print(time(10, 30) < time(11), time(12) == time(12, 0, 0), time.min, time.max)
print(repr(time(9, 5, 0, 7)), time(1).replace(minute=59), bool(time(0)))
print(datetime(2020, 1, 1) == date(2020, 1, 1), date(2020, 1, 1) == date(2020, 1, 1))
print(datetime(2021, 1, 1, 12).timetuple()[:6], datetime.min, datetime.max)
try:
    datetime(2020, 1, 1) < date(2021, 1, 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    time(24, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    time(1) + timedelta(1)
except TypeError as e:
    print(type(e).__name__, e)
