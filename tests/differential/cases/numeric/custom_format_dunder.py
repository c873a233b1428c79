# Checks __format__ on custom classes and int/float subclasses via format(), f-strings, str.format
class Celsius:
    def __init__(self, t):
        self.t = t
    def __format__(self, spec):
        if spec.endswith('F'):
            return format(self.t * 9 / 5 + 32, spec[:-1] or '') + '°F'
        return format(self.t, spec) + '°C'
c = Celsius(21.5)
print(format(c), format(c, '.1f'), f"{c:>8.2f}", f"{c:.0F}", "{:F}".format(c), "{0:06.1f}".format(c))
class Money(float):
    def __format__(self, spec):
        return '$' + super().__format__(spec or ',.2f')
m = Money(1234567.891)
print(f"{m}", f"{m:.0f}", str(m), repr(m))
class Plain:
    pass
try:
    format(Plain(), 'd')
except TypeError as e:
    print(type(e).__name__, e)
print(format(Plain(), '') == str(Plain()).replace('', '') or True)
class BadFmt:
    def __format__(self, spec):
        return 42
try:
    f"{BadFmt()}"
except TypeError as e:
    print(type(e).__name__, e)
class IntFlag(int):
    pass
print(f"{IntFlag(10):#06x}", format(IntFlag(3), 'b'), "{:>5}".format(IntFlag(7)))
