# datetime: aware datetimes with fixed-offset timezones
from datetime import datetime, timedelta, timezone

utc = timezone.utc
ist = timezone(timedelta(hours=5, minutes=30), "IST")
neg = timezone(timedelta(hours=-8))
dt = datetime(2022, 3, 14, 12, 0, tzinfo=utc)
print(dt, dt.isoformat())
print(dt.astimezone(ist), dt.astimezone(neg))
print(dt.astimezone(ist) == dt, dt.astimezone(ist).tzname(), neg.tzname(None))
print(ist.utcoffset(None), neg, repr(utc), repr(ist))
print(dt.strftime("%z %Z"), dt.astimezone(ist).strftime("%z %Z"))
a = datetime(2022, 1, 1, 0, 0, tzinfo=ist)
b = datetime(2022, 1, 1, 0, 0, tzinfo=neg)
print(b - a)
print(datetime.fromisoformat("2022-05-06T07:08:09+02:00"))
print(datetime.strptime("2020-01-01 10:00 +0300", "%Y-%m-%d %H:%M %z").utcoffset())
print(datetime.fromtimestamp(0, tz=utc), datetime(1970, 1, 2, tzinfo=utc).timestamp())
naive = datetime(2022, 1, 1)
try:
    naive - a
except TypeError as e:
    print(type(e).__name__, e)
print(naive.tzinfo, a.replace(tzinfo=None))
print(timezone(timedelta(0)) == utc, timezone(timedelta(hours=1)))
