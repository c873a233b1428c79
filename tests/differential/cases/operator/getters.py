# operator.itemgetter and attrgetter: single/multiple keys, dotted names, sorting keys, errors
import operator
from collections import namedtuple
rows = [("bob", 25, "b"), ("alice", 30, "a"), ("carol", 25, "c")]
print(sorted(rows, key=operator.itemgetter(1)))
print(sorted(rows, key=operator.itemgetter(1, 0)))
print(operator.itemgetter(0)("xyz"), operator.itemgetter(-1)([1, 2, 3]), operator.itemgetter(slice(1, 3))("abcd"))
print(operator.itemgetter("a", "b")({"a": 1, "b": 2, "c": 3}))
print(list(map(operator.itemgetter(0), ["ab", "cd"])))
P = namedtuple("P", "name info")
I = namedtuple("I", "age city")
people = [P("x", I(40, "Oslo")), P("y", I(20, "Rome"))]
print([p.name for p in sorted(people, key=operator.attrgetter("info.age"))])
print(operator.attrgetter("name", "info.city")(people[0]))
print(operator.attrgetter("real", "imag")(3 + 4j))
print(repr(operator.itemgetter(1)), repr(operator.attrgetter("a.b", "c")))
try:
    operator.itemgetter(5)([1, 2])
except IndexError as e:
    print(type(e).__name__, e)
try:
    operator.itemgetter("k")({})
except KeyError as e:
    print(type(e).__name__, e)
try:
    operator.attrgetter("info.zip")(people[0])
except AttributeError as e:
    print(type(e).__name__, e)
