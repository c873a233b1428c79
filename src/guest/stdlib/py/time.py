"""pyocap stand-in for `time`, for the standard library's own code and, when
the policy lets them import it, guests. The clock is a capability the host
grants (Policy::clock): the runtime sets `_wall_ns`, `_monotonic_ns` and
`_sleep`, which read it and raise PermissionError when there is none, so
`datetime.now()` and `date.today()` read the granted clock or fail.

The pure functions work on the times they are given, in a fixed UTC zone and
the C locale: `strftime(format, t)` (so `date.strftime` and
`datetime.strptime` work), `strptime`, `gmtime(secs)`, `localtime(secs)`,
`mktime(t)`, `asctime(t)`, `ctime(secs)`."""


def time():
    return _wall_ns() / 1e9


def time_ns():
    return _wall_ns()


def monotonic():
    return _monotonic_ns() / 1e9


def monotonic_ns():
    return _monotonic_ns()


# The sandbox's time is its clock's: CPU time reads the monotonic clock.
perf_counter = process_time = thread_time = monotonic
perf_counter_ns = process_time_ns = thread_time_ns = monotonic_ns


def sleep(secs):
    _sleep(secs)


timezone = 0
altzone = 0
daylight = 0
tzname = ("UTC", "UTC")
_STRUCT_TM_ITEMS = 11

_FIELDS = ("tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec",
           "tm_wday", "tm_yday", "tm_isdst")


class struct_time(tuple):
    """A time as nine fields (year, month, day, hour, minute, second, weekday
    with Monday 0, day of the year from 1, DST flag), in UTC."""

    def __new__(cls, fields):
        fields = tuple(fields)
        if not 9 <= len(fields) <= 11:
            raise TypeError("time.struct_time() takes an at least 9-sequence (%d-sequence given)" % len(fields))
        return tuple.__new__(cls, fields[:9])

    tm_year = property(lambda self: self[0])
    tm_mon = property(lambda self: self[1])
    tm_mday = property(lambda self: self[2])
    tm_hour = property(lambda self: self[3])
    tm_min = property(lambda self: self[4])
    tm_sec = property(lambda self: self[5])
    tm_wday = property(lambda self: self[6])
    tm_yday = property(lambda self: self[7])
    tm_isdst = property(lambda self: self[8])
    tm_zone = property(lambda self: "UTC")
    tm_gmtoff = property(lambda self: 0)

    def __repr__(self):
        return "time.struct_time(%s)" % ", ".join(
            "%s=%r" % (name, value) for name, value in zip(_FIELDS, self))


_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July",
           "August", "September", "October", "November", "December")
_CUMULATIVE = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_before_year(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400


def gmtime(secs=None):
    if secs is None:
        secs = _wall_ns() // 1_000_000_000
    secs = int(secs // 1)
    # Years 1 to 9999 (what `datetime` can hold), checked before any work.
    if not -62135596800 <= secs <= 253402300799:
        raise OverflowError("timestamp out of range for platform time_t")
    days, rest = divmod(secs, 86400)
    hour, rest = divmod(rest, 3600)
    minute, second = divmod(rest, 60)
    # Days since 0001-01-01 (a Monday); the epoch is day 719162.
    ordinal = days + 719162
    year = max(1, ordinal * 400 // 146097 - 1)
    while _days_before_year(year + 1) <= ordinal:
        year += 1
    yday = ordinal - _days_before_year(year)
    month = 1
    while month < 12 and yday >= _CUMULATIVE[month] + (month >= 2 and _is_leap(year)):
        month += 1
    mday = yday - _CUMULATIVE[month - 1] - (month > 2 and _is_leap(year)) + 1
    return struct_time((year, month, mday, hour, minute, second, ordinal % 7, yday + 1, 0))


localtime = gmtime


def _fields(t):
    if t is None:
        t = gmtime()
    t = tuple(t)
    if len(t) != 9:
        raise TypeError("function takes exactly 9 arguments (%d given)" % len(t))
    for value in t:
        if not isinstance(value, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(value).__name__)
    year, mon, mday, hour, minute, sec, wday, yday, isdst = t
    if not 1 <= mon <= 12 and mon != 0:
        raise ValueError("month out of range")
    if not 0 <= hour <= 23:
        raise ValueError("hour out of range")
    if not 0 <= minute <= 59:
        raise ValueError("minute out of range")
    if not 0 <= sec <= 61:
        raise ValueError("seconds out of range")
    if not 0 <= yday <= 366:
        raise ValueError("day of year out of range")
    return year, max(mon, 1), max(mday, 1), hour, minute, sec, wday % 7, max(yday, 1), isdst


def _iso(year, yday, wday):
    def p(y):
        return (y + y // 4 - y // 100 + y // 400) % 7

    def weeks(y):
        return 53 if p(y) == 4 or p(y - 1) == 3 else 52

    week = (yday - (wday + 1) + 10) // 7
    if week < 1:
        year -= 1
        week = weeks(year)
    elif week > weeks(year):
        year += 1
        week = 1
    return year, week


def strftime(format, t=None):
    if not isinstance(format, str):
        raise TypeError("strftime() argument 1 must be str, not %s" % type(format).__name__)
    year, mon, mday, hour, minute, sec, wday, yday, isdst = _fields(t)
    iso_year, iso_week = _iso(year, yday, wday)
    values = {
        "a": _DAYS[wday][:3], "A": _DAYS[wday], "b": _MONTHS[mon - 1][:3],
        "B": _MONTHS[mon - 1], "h": _MONTHS[mon - 1][:3],
        "C": "%02d" % (year // 100), "d": "%02d" % mday, "e": "%2d" % mday,
        "H": "%02d" % hour, "I": "%02d" % ((hour % 12) or 12), "j": "%03d" % yday,
        "m": "%02d" % mon, "M": "%02d" % minute, "p": "AM" if hour < 12 else "PM",
        "S": "%02d" % sec, "u": str(wday + 1), "w": str((wday + 1) % 7),
        "U": "%02d" % ((yday - 1 + 7 - (wday + 1) % 7) // 7),
        "W": "%02d" % ((yday - 1 + 7 - wday) // 7),
        "y": "%02d" % (year % 100), "Y": str(year), "G": str(iso_year),
        "g": "%02d" % (iso_year % 100), "V": "%02d" % iso_week,
        "z": "+0000", "Z": tzname[0] if isdst <= 0 else tzname[1],
        "n": "\n", "t": "\t", "%": "%",
    }
    values["D"] = "%s/%s/%s" % (values["m"], values["d"], values["y"])
    values["x"] = values["D"]
    values["F"] = "%s-%s-%s" % (values["Y"], values["m"], values["d"])
    values["T"] = values["X"] = "%s:%s:%s" % (values["H"], values["M"], values["S"])
    values["R"] = "%s:%s" % (values["H"], values["M"])
    values["r"] = "%s:%s:%s %s" % (values["I"], values["M"], values["S"], values["p"])
    values["c"] = "%s %s %s %s %s" % (values["a"], values["b"], values["e"], values["T"], values["Y"])
    out = []
    i = 0
    n = len(format)
    while i < n:
        c = format[i]
        if c == "%" and i + 1 < n:
            code = format[i + 1]
            out.append(values.get(code, "%" + code))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def asctime(t=None):
    return strftime("%a %b %e %H:%M:%S %Y", t)


def ctime(secs=None):
    return asctime(gmtime(secs))


def mktime(t):
    """The seconds since the epoch of `t`, a time in this sandbox's zone
    (UTC)."""
    year, mon, mday, hour, minute, sec, wday, yday, isdst = _fields(t)
    if not 1 <= year <= 9999:
        raise OverflowError("mktime argument out of range")
    days = _days_before_year(year) - 719162 + _CUMULATIVE[mon - 1] + (mon > 2 and _is_leap(year)) + mday - 1
    return float(((days * 24 + hour) * 60 + minute) * 60 + sec)


def strptime(string, format="%a %b %d %H:%M:%S %Y"):
    import _strptime
    return _strptime._strptime_time(string, format)
