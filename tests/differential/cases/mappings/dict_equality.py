# dict equality ignores order; compares values with ==; ordering comparisons are errors
print({"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} == {"a": 1.0}, {1: "x"} == {True: "x"})
print({"a": [1, 2]} == {"a": [1, 2]}, {"a": 1} != {"a": 2}, {} == dict())
print({"a": 1} == [("a", 1)], {"a": 1}.items() == [("a", 1)])
nan = float("nan")
d = {"n": nan}
print(d == d, d == {"n": nan}, {"n": float("nan")} == {"n": float("nan")})
try:
    {"a": 1} < {"a": 2}
except TypeError as e:
    print(type(e).__name__, e)
from collections import OrderedDict, defaultdict, Counter
o1 = OrderedDict([("a", 1), ("b", 2)])
o2 = OrderedDict([("b", 2), ("a", 1)])
print(o1 == o2, dict(o1) == dict(o2), o1 == {"b": 2, "a": 1}, {"b": 2, "a": 1} == o1)
print(defaultdict(list, a=1) == {"a": 1}, Counter(a=1) == {"a": 1}, Counter(a=0) == Counter())
class Always:
    def __eq__(self, other):
        return True
print({"k": Always()} == {"k": 42}, {"k": 42} == {"k": Always()})
print({1: {2: {3: 4}}} == {1: {2: {3: 4}}}, {1: {2: 3}} == {1: {2: 4}})
print({frozenset([1]): 1} == {frozenset([1]): 1}, {(1, 2): 0} == {(1, 2.0): 0})
