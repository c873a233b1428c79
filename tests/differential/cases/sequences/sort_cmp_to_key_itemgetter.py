# Sorting with functools.cmp_to_key, operator.itemgetter/attrgetter and multi-pass stability
from functools import cmp_to_key
from operator import itemgetter, attrgetter
from collections import namedtuple
def cmp(a, b):
    return (a > b) - (a < b)
print(sorted([3, 1, 2], key=cmp_to_key(cmp)))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
print(sorted(["10", "9", "100"], key=cmp_to_key(lambda a, b: len(a) - len(b))))
rows = [("bob", 25, "NY"), ("amy", 30, "LA"), ("cat", 25, "LA"), ("dan", 30, "NY")]
print(sorted(rows, key=itemgetter(1)))
print(sorted(rows, key=itemgetter(2, 0)))
s = sorted(rows, key=itemgetter(0), reverse=True)
s.sort(key=itemgetter(1))
print(s)
P = namedtuple("P", "name age")
people = [P("zed", 3), P("abe", 3), P("max", 1)]
print(sorted(people, key=attrgetter("age", "name")))
print(sorted(people, key=attrgetter("age"), reverse=True))
print(max(rows, key=itemgetter(1)), min(people, key=attrgetter("name")).name)
print(sorted("Mississippi", key="spiM".index))
data = [("a", 2), ("b", 1), ("c", 2), ("d", 1)]
print(sorted(data, key=itemgetter(1), reverse=True))
print(list(reversed(sorted(data, key=itemgetter(1)))))
