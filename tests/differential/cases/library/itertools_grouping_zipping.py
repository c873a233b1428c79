# itertools: groupby, zip_longest, starmap, compress, filterfalse, tee, pairwise
from itertools import groupby, zip_longest, starmap, compress, filterfalse, tee, pairwise

data = "aaabccddddae"
print([(k, len(list(g))) for k, g in groupby(data)])
people = [("ann", 30), ("bob", 25), ("cid", 30), ("dee", 25)]
for age, grp in groupby(sorted(people, key=lambda p: p[1]), key=lambda p: p[1]):
    print(age, [n for n, _ in grp])
print(list(zip_longest("abc", [1], fillvalue="-")), list(zip_longest()))
print(list(starmap(pow, [(2, 5), (3, 2), (10, 0)])))
print(list(compress("abcdef", [1, 0, 1, 0, 1, 1])), list(filterfalse(str.isdigit, "a1b2")))
a, b = tee(iter([1, 2, 3]))
print(list(a), list(b), list(pairwise("abcd")), list(pairwise([1])))
g = groupby([1, 1, 2])
k1, g1 = next(g)
k2, g2 = next(g)
print(k1, list(g1), k2, list(g2))
print([list(g) for k, g in groupby([])])
