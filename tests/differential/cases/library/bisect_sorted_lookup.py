# bisect: bisect_left/right, insort, key=, lo/hi bounds, grade lookup and errors
import bisect

a = [1, 2, 4, 4, 4, 7, 9]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 4), bisect.bisect(a, 0), bisect.bisect(a, 100))
print(bisect.bisect_left(a, 4, 3), bisect.bisect_left(a, 4, 0, 2), bisect.bisect_right(a, 9, hi=3))
def grade(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100, 60]])
b = []
for x in [5, 1, 4, 1, 9, 2]:
    bisect.insort(b, x)
print(b)
bisect.insort_left(b, 4); bisect.insort_right(b, 4.0)
print(b)
recs = [("amy", 21), ("bob", 30), ("cat", 35)]
print(bisect.bisect_left(recs, 30, key=lambda r: r[1]))
bisect.insort(recs, ("dan", 25), key=lambda r: r[1])
print(recs)
words = sorted(["pear", "apple", "fig", "kiwi"])
i = bisect.bisect_left(words, "grape")
print(words, i, words[i])
print(bisect.bisect_left([], 5), bisect.bisect_right(["a", "c"], "b"), bisect.bisect_left([1.5, 2.5], 2))
try:
    bisect.bisect_left(a, 1, -1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    bisect.bisect([1, "a"], 2)
except TypeError as e:
    print(type(e).__name__, e)
