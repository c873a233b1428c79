# bisect with key= inserts the item itself; hi=None means the end
import bisect
a = [(1, 'a'), (3, 'c')]
bisect.insort(a, (2, 'b'), key=lambda p: p[0])
bisect.insort_left(a, (0, 'z'), key=lambda p: p[0])
bisect.insort_right(a, (3, 'd'), key=lambda p: p[0])
print(a)
print(bisect.bisect([1, 2, 3], 2, 0, None), bisect.bisect_left([1, 2, 3], 2, hi=None), bisect.bisect_right([1, 2, 2, 3], 2, lo=1))
print(bisect.bisect([(1, 'x'), (5, 'y')], 3, key=lambda p: p[0]), bisect.bisect_left(list(range(100)), 42))
try:
    bisect.bisect([1], 1, lo=-1)
except ValueError as e:
    print(type(e).__name__, e)
