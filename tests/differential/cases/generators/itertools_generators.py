# itertools combined with generators: islice, count, chain, takewhile, groupby, accumulate, tee, product
import itertools

def naturals():
    n = 1
    while True:
        yield n
        n += 1

print(list(itertools.islice(naturals(), 5)))
print(list(itertools.islice(naturals(), 2, 12, 3)))
print(list(itertools.takewhile(lambda x: x * x < 50, naturals())))
print(list(itertools.dropwhile(lambda x: x < 5, range(8))))
print(list(itertools.chain.from_iterable(([i] * i for i in range(4)))))
print([(k, len(list(g))) for k, g in itertools.groupby("aaabccdddd")])
print(list(itertools.accumulate([1, 2, 3, 4], lambda a, b: a * b)))
a, b = itertools.tee((x * 3 for x in range(4)))
print(list(a), list(b))
print(list(itertools.product("ab", repeat=2)))
print(list(itertools.zip_longest("abc", (i for i in range(2)), fillvalue="-")))
print(list(itertools.compress("abcdef", (x % 2 for x in range(6)))))
c = itertools.count(10, 5)
print(next(c), next(c), next(c))
print(list(itertools.starmap(pow, ((2, 3), (3, 2)))))
cyc = itertools.cycle(x for x in "xy")
print([next(cyc) for _ in range(5)])
print(list(itertools.pairwise(naturals.__name__)))
