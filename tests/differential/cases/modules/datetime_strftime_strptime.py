# datetime formatting and parsing without a clock: strftime, strptime, fromtimestamp with a zone
import datetime
d = datetime.datetime(2024, 3, 5, 14, 7, 9)
for fmt in ['%Y-%m-%d %H:%M:%S', '%a %A %b %B %c', '%d %I %p %j %U %W %w %u %y %C', '%x %X', '%G %V', '%%']:
    print(repr(d.strftime(fmt)))
for y, m, dd in [(2021, 1, 1), (2020, 12, 31), (2026, 12, 28), (2027, 1, 3), (1999, 12, 31), (2000, 2, 29)]:
    print(datetime.date(y, m, dd).strftime('%Y %G-W%V-%u %U %W %j %a'))
print(datetime.datetime.strptime("2024-03-05 10:20", "%Y-%m-%d %H:%M"), datetime.datetime.strptime("5 Mar 2024", "%d %b %Y").date())
print(datetime.datetime.strptime("Tuesday 05 March 2024 02PM", "%A %d %B %Y %I%p"))
print(datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc).strftime('%Y %Z %z'), f"{d:%H:%M}", format(d.date(), '%d/%m'))
print(datetime.datetime.fromtimestamp(946728000, datetime.timezone.utc), datetime.datetime(2000, 1, 1, tzinfo=datetime.timezone.utc).timestamp())
print(d.timetuple().tm_yday, tuple(d.timetuple())[:6], d.isocalendar()[:])
try:
    datetime.datetime.strptime("2024-13-01", "%Y-%m-%d")
except ValueError as e:
    print(type(e).__name__, e)
