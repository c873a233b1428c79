# datetime: strftime, strptime, isoformat and fromisoformat round trips
from datetime import datetime, date, time

dt = datetime(2024, 2, 29, 13, 5, 9, 123456)
print(dt.strftime("%Y-%m-%d %H:%M:%S"))
print(dt.strftime("%a %A %b %B %j %p %I %y %%"))
print(dt.strftime("%f|%U|%W|%w|%d/%m"))
print(dt.isoformat(), dt.isoformat(sep=" ", timespec="milliseconds"))
print(date(2023, 1, 1).isoformat(), time(7, 8).isoformat())
print(datetime.strptime("2021-12-31 23:59:58", "%Y-%m-%d %H:%M:%S"))
print(datetime.strptime("05/Mar/1999:10:01", "%d/%b/%Y:%H:%M"))
print(datetime.fromisoformat("2020-06-15T08:30:00"))
print(date.fromisoformat("2000-01-02"))
print(repr(dt))
print(dt.date(), dt.time(), dt.weekday(), dt.isoweekday(), dt.isocalendar())
print(f"{dt:%H:%M}", format(date(1999, 12, 31), "%d.%m.%Y"))
try:
    datetime.strptime("2021-13-01", "%Y-%m-%d")
except ValueError as e:
    print(type(e).__name__, e)
try:
    date(2023, 2, 29)
except ValueError as e:
    print(type(e).__name__, e)
