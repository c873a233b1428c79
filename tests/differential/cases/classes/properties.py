# property getters, setters, deleters, validation and read-only properties
class Temperature:
    def __init__(self, celsius=0.0): self._c = celsius
    @property
    def celsius(self): return self._c
    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._c = value
    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = 0.0
    @property
    def fahrenheit(self): return self._c * 9 / 5 + 32
t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.celsius = 100
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print(type(e).__name__, e)
del t.celsius
print(t.celsius)
try:
    t.fahrenheit = 10
except AttributeError as e:
    print(type(e).__name__, e)
print(type(Temperature.celsius).__name__)
print(Temperature.celsius.fget is not None, Temperature.fahrenheit.fset)
class Legacy:
    def _get(self): return "value"
    x = property(_get, doc="the x")
print(Legacy().x, Legacy.x.__doc__)
try:
    del Legacy().x
except AttributeError as e:
    print(type(e).__name__, e)
