# set comparisons: subset/superset operators, equality across set and frozenset, partial order
a = {1, 2}
b = {1, 2, 3}
print(a < b, a <= b, b > a, b >= a, a < a, a <= a, a == {2, 1})
print(a == frozenset([1, 2]), frozenset([1, 2]) == a, frozenset() == set(), set() == [])
c = {3, 4}
print(a < c, a > c, a == c, a != c, sorted([b, a, {1}], key=len))
print(set() < a, set() <= set(), frozenset([1]) < {1, 2}, {1} >= frozenset())
try:
    a < [1, 2, 3]
except TypeError as e:
    print(type(e).__name__, e)
print(a.issubset([1, 2]), a.issuperset((1,)), a.isdisjoint(c), a.isdisjoint(b))
print({1, 2} == {1.0, 2.0}, {True} == {1}, {0} == {False, 0.0})
print(max([{1}, {1, 2}], key=len), min({3}, {1, 2, 3}))
s = {"pear", "apple"}
print(s <= {"apple", "pear", "fig"}, s > {"apple"}, sorted(s))
