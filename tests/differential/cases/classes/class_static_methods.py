# classmethod and staticmethod: alternate constructors, inheritance, call forms
class Date:
    count = 0
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
        type(self).count += 1
    @classmethod
    def from_string(cls, s):
        y, m, d = map(int, s.split("-"))
        return cls(y, m, d)
    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    def __repr__(self):
        return f"{type(self).__name__}({self.y}, {self.m}, {self.d})"

class MyDate(Date):
    count = 0

print(Date.from_string("2024-02-29"))
print(MyDate.from_string("1999-12-31"))
print(Date.count, MyDate.count)
print(Date.is_leap(2000), Date.is_leap(1900), Date(1, 1, 1).is_leap(2024))
print(type(Date.__dict__["from_string"]).__name__)
print(type(Date.__dict__["is_leap"]).__name__)
print(Date.from_string.__self__ is Date)
print(MyDate.from_string.__self__ is MyDate)
sm = Date.__dict__["is_leap"]
print(sm.__func__(2023))
cm = classmethod(lambda cls, v: f"{cls.__name__}:{v}")
class Z:
    make = cm
print(Z.make(3), Z().make(4))
