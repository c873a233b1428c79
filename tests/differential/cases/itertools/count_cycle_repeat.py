# itertools.count / cycle / repeat with zip, map and islice; floats, negative steps, repr, copy-free reuse
import itertools
print(list(zip(itertools.count(1), "abc")))
print(list(map(pow, range(5), itertools.repeat(2))))
print(list(zip(itertools.cycle([0, 1]), range(5))))
c = itertools.count(0.5, 0.25)
print(next(c), next(c), next(c), repr(c))
c2 = itertools.count(10, -3)
print([next(c2) for _ in range(4)], repr(c2))
print(list(itertools.islice(itertools.count(2**64), 2)), repr(itertools.count(2**64)))
print(list(itertools.islice(itertools.cycle(iter("ab")), 5)), list(itertools.cycle([])))
r = itertools.repeat([1], 2)
x, y = list(r)
print(x is y, list(r), len(list(itertools.repeat(None, times=-5))))
from fractions import Fraction
print(list(itertools.islice(itertools.count(Fraction(1, 3), Fraction(1, 3)), 3)))
print(repr(itertools.count(1, 1)), repr(itertools.count(start=0, step=2)))
try:
    itertools.count("a")
except TypeError as e:
    print(type(e).__name__, e)
try:
    itertools.repeat()
except TypeError as e:
    print(type(e).__name__, e)
