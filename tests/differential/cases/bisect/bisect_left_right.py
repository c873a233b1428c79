# bisect_left / bisect_right / bisect on sorted lists, duplicates, bounds and empty lists
import bisect
a = [1, 2, 4, 4, 4, 7, 9]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 4))
print(bisect.bisect_left(a, 0), bisect.bisect_right(a, 100))
print(bisect.bisect_left(a, 5), bisect.bisect_right(a, 5))
print(bisect.bisect_left(a, 4, 3), bisect.bisect_right(a, 4, 0, 3))
print(bisect.bisect_left(a, 4, lo=4, hi=6), bisect.bisect_right(a, 9, hi=5))
print(bisect.bisect_left([], 3), bisect.bisect_right([], 3))
print(bisect.bisect_left(["apple", "fig", "kiwi", "pear"], "grape"))
print(bisect.bisect_right((1.5, 2.5, 3.5), 2.5), bisect.bisect_left(range(0, 100, 5), 42))
try:
    bisect.bisect_left(a, 3, -1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    bisect.bisect_left([1, "a"], 2)
except TypeError as e:
    print(type(e).__name__)
