# comparing containers: lexicographic lists/tuples, dict/set equality, mixed types, nested and nan
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 3], [] < [0], [2] > [1, 99], [1, [2, 3]] < [1, [2, 4]], ["a"] < ["b"])
print((1, "b") < (1, "c"), (0,) < (0, 0), (1, 2) == (1, 2), [1, 2] == (1, 2), [[]] == [[]], [0] == [False], [1.0] == [True])
print({"a": 1} == {"a": 1}, {"a": [1]} == {"a": [1]}, {1: 2} != {1: 3}, {1, 2} == {2, 1}, {1, 2} < {1, 2, 3})
print(max([[1, 2], [1, 3], [0, 9]]), min([(2, "a"), (1, "z"), (1, "b")]), sorted([[3], [1, 2], [1], []]))
nan = float("nan")
lst = [nan]
print(lst == lst, [nan] == [nan], nan in lst, (nan,) == (nan,), {nan: 1} == {nan: 1}, lst.count(nan), lst.index(nan))
a = [1, 2]
print(a == a[:], a is a[:], [a] == [[1, 2]], (a,) == ([1, 2],), {1: a} == {1: [1, 2]})
print("abc" < "abd", ["abc"] < ["abd"], [1, "x"] == [1, "x"], [None] == [None], (None,) < (None, 1))
from collections import OrderedDict
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == {"b": 2, "a": 1}, dict(a=1) == OrderedDict(a=1))
for op in (lambda: [1] < [None], lambda: [1] < (1,), lambda: {1: 2} < {1: 3}, lambda: (1, "a") < (1, 2), lambda: [[1]] < [1]):
    try:
        print(op())
    except TypeError as e:
        print(type(e).__name__, e)
