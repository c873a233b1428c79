# itertools.accumulate (default, func, initial) and chain / chain.from_iterable
import itertools
import operator
print(list(itertools.accumulate([1, 2, 3, 4, 5])))
print(list(itertools.accumulate([3, 1, 4, 1, 5, 9, 2], max)))
print(list(itertools.accumulate([1, 2, 3, 4], operator.mul)))
print(list(itertools.accumulate([1, 2, 3], initial=100)))
print(list(itertools.accumulate([], initial=7)))
print(list(itertools.accumulate([])))
print(list(itertools.accumulate(["a", "b", "c"])))
print(list(itertools.accumulate([5, 3, 8], lambda acc, x: acc - x, initial=0)))
print(list(itertools.chain("ab", [1, 2], (3,), range(2))))
print(list(itertools.chain()))
print(list(itertools.chain.from_iterable(["xy", "", "z"])))
print(list(itertools.chain.from_iterable([[1, 2], [], [3, [4]]])))
it = itertools.chain([1], [2])
print(next(it), next(it), next(it, "done"))
try:
    list(itertools.chain(1, 2))
except TypeError as e:
    print(type(e).__name__, e)
