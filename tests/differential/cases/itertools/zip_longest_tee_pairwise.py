# itertools.zip_longest, tee, pairwise, and combining them in common recipes
import itertools
print(list(itertools.zip_longest("abc", [1, 2])))
print(list(itertools.zip_longest("ab", "wxyz", range(3), fillvalue="-")))
print(list(itertools.zip_longest()))
print(list(itertools.pairwise("abcde")))
print(list(itertools.pairwise([1])), list(itertools.pairwise([])))
print([b - a for a, b in itertools.pairwise([1, 4, 9, 16, 25])])
a, b = itertools.tee(iter(range(5)))
print(next(a), next(a), list(b), list(a))
t1, t2, t3 = itertools.tee("xyz", 3)
print(list(t1), list(t2), list(t3))
print(itertools.tee([1], 0))
c = itertools.tee([1, 2, 3])[0]
d = itertools.tee(c)
print([list(x) for x in d])
def grouper(iterable, n, fillvalue=None):
    args = [iter(iterable)] * n
    return itertools.zip_longest(*args, fillvalue=fillvalue)
print(list(grouper("ABCDEFG", 3, "x")))
try:
    itertools.tee([1], -1)
except ValueError as e:
    print(type(e).__name__, e)
