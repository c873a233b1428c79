# cached_property computed once and stored in __dict__, deletable; total_ordering fills in comparisons
from functools import cached_property, total_ordering
class Dataset:
    def __init__(self, xs):
        self.xs = xs
        self.computed = 0
    @cached_property
    def mean(self):
        self.computed += 1
        return sum(self.xs) / len(self.xs)
d = Dataset([1, 2, 3, 4])
print(d.mean, d.mean, d.computed, "mean" in d.__dict__)
del d.mean
d.xs.append(10)
print(d.mean, d.computed)
d.mean = 99
print(d.mean, type(Dataset.__dict__["mean"]).__name__, Dataset.mean.attrname)
@total_ordering
class Version:
    def __init__(self, *parts):
        self.parts = parts
    def __eq__(self, other):
        return self.parts == other.parts
    def __lt__(self, other):
        return self.parts < other.parts
    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))
a, b = Version(1, 2), Version(1, 10)
print(a < b, a <= b, a > b, a >= b, a == Version(1, 2), a != b, b >= b)
print(sorted([b, Version(0, 9), a]), max(a, b), min([b, a]))
@total_ordering
class OnlyGt:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __gt__(self, o):
        return self.v > o.v
print(OnlyGt(1) < OnlyGt(2), OnlyGt(3) <= OnlyGt(3), OnlyGt(1) >= OnlyGt(2))
