# math domain and range errors and their messages
import math
cases = [
    ("sqrt(-1)", lambda: math.sqrt(-1)),
    ("log(0)", lambda: math.log(0)),
    ("log(-1)", lambda: math.log(-1)),
    ("log(10, 1)", lambda: math.log(10, 1)),
    ("log2(0)", lambda: math.log2(0)),
    ("log10(-5)", lambda: math.log10(-5)),
    ("acos(2)", lambda: math.acos(2)),
    ("asin(-1.5)", lambda: math.asin(-1.5)),
    ("exp(1000)", lambda: math.exp(1000)),
    ("pow(0, -1)", lambda: math.pow(0, -1)),
    ("pow(-8, 1/3)", lambda: math.pow(-8, 1 / 3)),
    ("fmod(1, 0)", lambda: math.fmod(1, 0)),
    ("ldexp(1, 10000)", lambda: math.ldexp(1.0, 10000)),
    ("gamma(0)", lambda: math.gamma(0)),
    ("sin(inf)", lambda: math.sin(math.inf)),
    ("atanh(1)", lambda: math.atanh(1)),
    ("sqrt('x')", lambda: math.sqrt("x")),
    ("float(10**400)", lambda: float(10**400)),
    ("cosh(1000)", lambda: math.cosh(1000)),
    ("log(10**400)", lambda: round(math.log(10**400), 6)),
]
for name, f in cases:
    try:
        print(name, "=", f())
    except (ValueError, OverflowError, TypeError, ZeroDivisionError) as e:
        print(name, type(e).__name__, e)
print(math.sqrt(-0.0), math.log(1))
math.sqrt(-4)
