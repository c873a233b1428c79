# itertools helpers over lists/tuples/ranges: islice, chain, accumulate, pairwise, groupby
import itertools as it
import operator
xs = [3, 1, 4, 1, 5, 9, 2, 6]
print(list(it.islice(xs, 3)), list(it.islice(xs, 2, None, 3)), list(it.islice(range(100), 5, 8)))
print(list(it.chain(xs[:2], "ab", (None,))), list(it.chain.from_iterable([[1], [2, 3], []])))
print(list(it.accumulate(xs)), list(it.accumulate(xs, max)), list(it.accumulate([1, 2, 3], operator.mul, initial=10)))
print(list(it.pairwise("abcd")), list(it.pairwise([1])))
print([(k, len(list(g))) for k, g in it.groupby(sorted("mississippi"))])
print(list(it.compress("abcdef", [1, 0, 1, 0, 1])), list(it.takewhile(lambda x: x < 5, xs)), list(it.dropwhile(lambda x: x < 5, xs)))
print(list(it.zip_longest("ab", [1, 2, 3], fillvalue="-")), list(it.starmap(pow, [(2, 3), (3, 2)])))
print(list(it.product("ab", repeat=2)), len(list(it.permutations(range(4), 2))), list(it.combinations("abc", 2)))
print(list(it.repeat("z", 3)), list(it.islice(it.cycle([1, 2]), 5)), list(it.islice(it.count(10, -2), 4)))
a, b = it.tee([1, 2, 3])
print(list(a), list(b), list(it.filterfalse(None, [0, 1, "", "x"])))
try:
    list(it.islice(xs, -1))
except ValueError as e:
    print(type(e).__name__, e)
