# frozenset is hashable: equal frozensets hash equal, usable as keys and set members
f1 = frozenset([1, 2, 3])
f2 = frozenset([3, 2, 1, 1])
print(f1 == f2, hash(f1) == hash(f2), f1 is not f2, len(f2))
print(hash(frozenset()) == hash(frozenset([])), frozenset() == frozenset(""))
groups = {frozenset({"a", "b"}): "ab", frozenset({"c"}): "c"}
print(groups[frozenset(["b", "a"])], frozenset("c") in groups, len(groups))
try:
    groups[{"a", "b"}]
except TypeError as e:
    print(type(e).__name__, e)
sos = {frozenset([1, 2]), frozenset([2, 1]), frozenset([3])}
print(len(sos), frozenset([1, 2]) in sos, {1, 2} in sos)
try:
    {{1, 2}}
except TypeError as e:
    print(type(e).__name__, e)
nested = frozenset([frozenset([1]), frozenset()])
print(len(nested), frozenset() in nested, frozenset([1]) in nested)
print(sorted(frozenset("hello")), frozenset([5]), frozenset(), repr(frozenset([1, 2])))
f = frozenset(range(3))
print(f.union([9]), f.copy() is f, f.intersection({0, 1, 7}), f.difference([0]))
try:
    f.add(5)
except AttributeError as e:
    print(type(e).__name__, e)
print(frozenset(f) is f, type(frozenset(f)).__name__, hash(frozenset([1])) == hash(frozenset({1.0})))
