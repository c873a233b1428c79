# frozensets and tuples as hashable keys: dict keys, set members, equality with sets, unhashable errors
fs = frozenset({"b", "a"})
graph = {frozenset({"a", "b"}): 3, frozenset({"b", "c"}): 5}
print(graph[frozenset(["b", "a"])], fs in graph, frozenset({"c", "a"}) in graph, len(graph))
print(sorted(fs), fs == {"a", "b"}, {"a", "b"} == fs, fs == frozenset("ab"), hash(fs) == hash(frozenset("ba")))
sets = {frozenset(), frozenset([1]), frozenset([1, 1]), frozenset([2, 1])}
print(len(sets), sorted(map(sorted, sets)), frozenset() in sets, set() in sets)
print(frozenset(range(3)) | frozenset([5]), frozenset([1, 2]).union([3]), frozenset("aa"), frozenset(frozenset([1])))
print(repr(frozenset()), frozenset([1]).copy(), type(frozenset().copy()).__name__, {1, 2} in [frozenset({1, 2})])
memo = {}
def count_paths(remaining):
    key = frozenset(remaining)
    if key not in memo:
        memo[key] = 1 if not remaining else sum(count_paths(remaining - {x}) for x in remaining)
    return memo[key]
print(count_paths({1, 2, 3, 4}), len(memo))
points = {(0, 0), (1, 2), (0, 0), (2, 1)}
print(sorted(points), {(1, 2): "a"}[(1, 2)], (1, (2, 3)) in {(1, (2, 3))})
for op in (lambda: {[1, 2]: 0}, lambda: {(1, [2])}, lambda: hash({1}), lambda: frozenset([[1]]), lambda: {1: 2}[{}],
           lambda: set([{}])):
    try:
        print(op())
    except TypeError as e:
        print(type(e).__name__, e)
