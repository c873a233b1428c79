# date arithmetic with timedelta, differences, weekday/isoweekday, leap years, ordinal, errors
from datetime import date, timedelta
d = date(2024, 2, 28)
print(d + timedelta(days=1), d + timedelta(days=2), d - timedelta(weeks=9))
print(date(2024, 3, 1) - date(2023, 3, 1), (date(2025, 1, 1) - date(2024, 1, 1)).days)
print(d.weekday(), d.isoweekday(), d.isocalendar(), tuple(date(2021, 1, 3).isocalendar()))
print(d.toordinal(), date.fromordinal(1), date.fromordinal(738000), d.timetuple().tm_yday)
print(date.min, date.max, date.resolution, d.year, d.month, d.day)
print(d.replace(day=1), d.replace(year=2023, month=12), d < date(2024, 3, 1), d == date(2024, 2, 28))
print(sorted([date(2020, 5, 1), date(2019, 12, 31), date(2020, 1, 1)]))
print(repr(d), str(d), d.ctime(), date(1, 1, 1).isoformat())
for bad in (lambda: date(2023, 2, 29), lambda: date(2024, 13, 1), lambda: d.replace(day=31),
            lambda: date.max + timedelta(days=1), lambda: d - 5):
    try:
        bad()
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
