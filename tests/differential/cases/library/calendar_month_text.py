# calendar: month text, leap years, weekday, monthrange and iterators
import calendar

print(calendar.month(2024, 2))
print(calendar.isleap(2000), calendar.isleap(1900), calendar.leapdays(1900, 2025))
print(calendar.weekday(2024, 7, 4), calendar.monthrange(2023, 2), calendar.monthrange(2024, 2))
print(calendar.monthcalendar(2021, 3)[:2])
print(list(calendar.month_name)[1:4], list(calendar.day_abbr))
c = calendar.Calendar(firstweekday=calendar.SUNDAY)
print([d for d in c.itermonthdays(2022, 1)][:10])
print(calendar.TextCalendar(calendar.MONDAY).formatmonth(2000, 1, w=3))
print(calendar.timegm((1970, 1, 2, 0, 0, 0)), calendar.firstweekday())
try:
    calendar.monthrange(2020, 13)
except calendar.IllegalMonthError as e:
    print(type(e).__name__, e)
