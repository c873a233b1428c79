# Checks calendar module text output and helpers: month, monthcalendar, names, isleap
import calendar
print(calendar.month(2024, 2))
print(calendar.month(2023, 10, w=3, l=1))
print(calendar.monthcalendar(2024, 9))
print(calendar.monthrange(2024, 2), calendar.monthrange(2023, 2), calendar.weekday(2000, 1, 1))
print(calendar.isleap(1900), calendar.isleap(2000), calendar.leapdays(1900, 2025))
print(list(calendar.month_name)[1:4], list(calendar.day_abbr), calendar.month_abbr[12])
tc = calendar.TextCalendar(calendar.SUNDAY)
print(tc.formatmonth(2025, 1))
print(calendar.MONDAY, calendar.SUNDAY, calendar.firstweekday())
try:
    calendar.monthrange(2024, 13)
except calendar.IllegalMonthError as e:
    print(type(e).__name__, e)
