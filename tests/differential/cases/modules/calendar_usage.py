# calendar: month text, leap years, weekdays, month ranges
import calendar
print(calendar.month(2024, 2))
print(calendar.TextCalendar(firstweekday=6).formatmonth(2023, 12))
print(calendar.isleap(2024), calendar.isleap(1900), calendar.leapdays(1900, 2024), calendar.weekday(2024, 1, 1))
print(list(calendar.monthrange(2023, 2)), calendar.monthcalendar(2024, 2)[0], calendar.day_name[0], calendar.month_abbr[2])
print([list(w) for w in calendar.Calendar().monthdayscalendar(2021, 2)][:2])
print(calendar.timegm((2024, 3, 5, 12, 0, 0, 0, 0, 0)))
