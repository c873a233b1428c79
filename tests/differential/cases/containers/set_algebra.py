# set algebra: operators and methods, subset/superset, disjoint, with mixed iterables and frozensets
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b, a.union(b, [9]), a.intersection(b, {4}), a.difference([1], (2,)), a.symmetric_difference([4, 6]))
print(a <= a, a < a, {1} < a, a >= {1, 2}, a > b, a.issubset(range(10)), a.issuperset([1, 1]), a.isdisjoint({7, 8}), a.isdisjoint(b))
print(set(), {1, 1, 1}, set("hello") == set("ohle"), len(set("mississippi")), sorted(set("mississippi")))
print({1, 2} == {2, 1}, {1} == frozenset({1}), {1, 2} != {1}, 1.0 in {1}, {1, 1.0, True}, {0, False, 0.0})
words = {"pear", "apple", "fig"}
print(sorted(words), sorted(words, key=len), sorted(words | {"kiwi"}), "fig" in words)
fs = frozenset([3, 1, 2])
print(fs | {4}, type(fs | {4}).__name__, type({4} | fs).__name__, fs & a, fs - {1}, fs ^ fs, sorted(fs))
print(set(range(5)) - set(range(0, 5, 2)), {x % 3 for x in range(10)}, {(1, 2), (1, 2)}, set([]) == set())
print(a.union(), a.intersection() == a, a.intersection() is a, set.union(*[{1}, {2}, {3}]), set.intersection(*[{1, 2}, {2, 3}]))
for op in (lambda: a | [5], lambda: a + b, lambda: {[1]}, lambda: a < [1], lambda: set(1), lambda: {{1}}):
    try:
        print(op())
    except TypeError as e:
        print(type(e).__name__, e)
