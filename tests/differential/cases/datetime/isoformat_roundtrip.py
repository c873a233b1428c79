# isoformat and fromisoformat for date, time and datetime, timespec, sep, offsets
from datetime import date, time, datetime, timezone, timedelta
dt = datetime(2023, 7, 4, 9, 5, 3, 120000)
print(dt.isoformat(), dt.isoformat(sep=" "), dt.isoformat(timespec="minutes"))
print(dt.isoformat(timespec="milliseconds"), dt.isoformat(timespec="seconds"), dt.isoformat(timespec="hours"))
print(time(7, 8).isoformat(), time(7, 8, 9, 1).isoformat(), time(23, 59, 59, 999999).isoformat("milliseconds"))
print(date.fromisoformat("2020-02-29"), datetime.fromisoformat("2011-11-04T00:05:23"))
print(repr(datetime.fromisoformat("2011-11-04 00:05:23.283+00:00")))
print(datetime.fromisoformat("2011-11-04T00:05:23+04:30").utcoffset(), time.fromisoformat("04:23:01.5"))
print(repr(datetime.fromisoformat("2024-01-15")), datetime.fromisoformat("2024-01-15T10:20:30.000001"))
aware = datetime(2000, 1, 1, 12, tzinfo=timezone(timedelta(hours=-5)))
print(aware.isoformat(), datetime.fromisoformat(aware.isoformat()) == aware)
for s in ["2023-13-01", "not a date", "2023-01-01T25:00"]:
    try:
        datetime.fromisoformat(s)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    dt.isoformat(timespec="days")
except ValueError as e:
    print(type(e).__name__, e)
