# strftime/format with fixed datetimes: common directives, padding, literal %, f-string format specs
from datetime import date, datetime, time
dt = datetime(2021, 3, 7, 14, 5, 9, 42)
print(dt.strftime("%Y-%m-%d %H:%M:%S"), dt.strftime("%d/%m/%y %I:%M %p"))
print(dt.strftime("%A %a %B %b %j %U %W %w"), dt.strftime("%f %%"))
print(dt.strftime("%c"), "|", dt.strftime("%x"), "|", dt.strftime("%X"))
print(f"{dt:%Y%m%d}", "{:%H.%M}".format(dt), format(date(1999, 12, 31), "%d %b %Y"))
print(time(0, 30).strftime("%I:%M %p"), time(12, 0).strftime("%I %p"), date(2024, 1, 1).strftime("%G-W%V-%u"))
print(date(5, 1, 2).strftime("%Y"), dt.strftime(""), dt.strftime("plain text"))
print(format(dt), format(dt, ""), str(time(1, 2, 3)), date(2020, 1, 1).strftime("%H:%M"))
print(datetime.strptime("2022-10-31 23:59", "%Y-%m-%d %H:%M"), datetime.strptime("5 Jan 2020", "%d %b %Y").date())
try:
    datetime.strptime("2022/10/31", "%Y-%m-%d")
except ValueError as e:
    print(type(e).__name__, e)
