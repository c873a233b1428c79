# itertools.islice, takewhile, dropwhile, compress, filterfalse, starmap; infinite iterators bounded
import itertools
print(list(itertools.islice("abcdefg", 3)))
print(list(itertools.islice("abcdefg", 2, 5)))
print(list(itertools.islice(range(20), 1, None, 4)))
print(list(itertools.islice(itertools.count(), 5, 10)))
print(list(itertools.islice(itertools.count(10, -2.5), 4)))
print(list(itertools.islice(itertools.cycle("abc"), 7)))
print(list(itertools.repeat("x", 3)), list(itertools.repeat(1, 0)), list(itertools.islice(itertools.repeat(0), 2)))
print(repr(itertools.repeat("x", 2)), repr(itertools.count(3)), repr(itertools.count(1, 0.5)))
print(list(itertools.takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(itertools.dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(itertools.compress("ABCDEF", [1, 0, 1, 0, 1, 1])))
print(list(itertools.compress(range(10), itertools.cycle([True, False]))))
print(list(itertools.filterfalse(lambda x: x % 2, range(10))))
print(list(itertools.starmap(pow, [(2, 5), (3, 2), (10, 3)])))
print(list(itertools.starmap(lambda a, b: a + b, [("x", "y"), ([1], [2])])))
for args in [(-1,), (0, -2), (1, 2, 0)]:
    try:
        list(itertools.islice(range(5), *args))
    except ValueError as e:
        print(type(e).__name__, e)
