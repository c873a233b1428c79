# itertools: count, cycle, repeat, islice, takewhile, dropwhile, accumulate, chain
from itertools import count, cycle, repeat, islice, takewhile, dropwhile, accumulate, chain
import operator

print(list(islice(count(10, 5), 4)), list(islice(count(1.5, 0.5), 3)))
print(list(islice(cycle("abc"), 7)), list(repeat("x", 3)), list(map(pow, range(4), repeat(2))))
print(list(islice(range(20), 2, 12, 3)), list(islice("abcdef", None, 3)))
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 2])), list(dropwhile(lambda x: x < 5, [1, 4, 6, 2])))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([3, 1, 4, 1, 5], max)))
print(list(accumulate([1, 2, 3], operator.mul, initial=10)), list(accumulate([])))
print(list(chain([1, 2], "ab", (3,))), list(chain.from_iterable(["xy", [0]])))
it = islice(count(), 3)
print(next(it), next(it), next(it), next(it, "done"))
try:
    list(islice([1], -1))
except ValueError as e:
    print(type(e).__name__, e)
print(repr(count(3)), repr(repeat(1, 2)))
