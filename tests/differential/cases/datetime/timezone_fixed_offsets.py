# timezone with fixed offsets: astimezone, utcoffset/tzname, aware comparisons, naive/aware errors
from datetime import datetime, timezone, timedelta
utc = timezone.utc
ist = timezone(timedelta(hours=5, minutes=30), "IST")
est = timezone(timedelta(hours=-5))
t = datetime(2022, 6, 1, 12, 0, tzinfo=utc)
print(t, t.astimezone(ist), t.astimezone(est))
print(ist.utcoffset(None), est.tzname(None), utc.tzname(None), repr(ist), str(est), repr(utc))
print(t == t.astimezone(ist), t.astimezone(ist) - t, datetime(2022, 6, 1, 17, 30, tzinfo=ist) == t)
print(t.astimezone(est).utcoffset(), t.astimezone(est).dst(), t.timestamp())
print(datetime.fromtimestamp(0, tz=utc), datetime.fromtimestamp(86400 * 365, tz=est))
print(t.replace(tzinfo=None), t.replace(tzinfo=None).tzinfo, t.utctimetuple().tm_hour)
print(timezone(timedelta(0)) == utc, timezone(timedelta(hours=1)), timezone(-timedelta(minutes=90)))
naive = datetime(2022, 6, 1, 12)
for bad in (lambda: naive < t, lambda: naive - t, lambda: timezone(timedelta(hours=24))):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(naive == t, sorted([t, t.astimezone(ist) + timedelta(minutes=1), t.astimezone(est) - timedelta(1)]))
