"""pyocap stand-in for `time`, seen only by the standard library's own code in a
sandbox: there is no clock. Time is a capability the host grants; library code
that asks for the time (datetime.now(), date.today(), ...) gets PermissionError."""


def _no_clock(*args, **kwargs):
    raise PermissionError("no clock in this sandbox: the host grants time as a capability")


time = time_ns = monotonic = monotonic_ns = perf_counter = perf_counter_ns = _no_clock
process_time = process_time_ns = thread_time = thread_time_ns = _no_clock
localtime = gmtime = ctime = asctime = mktime = strftime = strptime = sleep = _no_clock
timezone = 0
altzone = 0
daylight = 0
tzname = ("UTC", "UTC")


class struct_time(tuple):
    """Only for isinstance checks: no clock produces one."""
