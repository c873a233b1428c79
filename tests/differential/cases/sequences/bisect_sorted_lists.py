# bisect on sorted lists: insort, bisect_left/right, key=, grade lookup
import bisect
xs = [1, 3, 3, 3, 7, 9]
print(bisect.bisect_left(xs, 3), bisect.bisect_right(xs, 3), bisect.bisect(xs, 4))
print(bisect.bisect_left(xs, 0), bisect.bisect_right(xs, 100), bisect.bisect_left(xs, 3, 2), bisect.bisect_right(xs, 3, 0, 2))
bisect.insort(xs, 5)
bisect.insort_left(xs, 3)
bisect.insort_right(xs, 10)
print(xs)
def grade(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
recs = [("a", 1), ("b", 4), ("c", 9)]
print(bisect.bisect_left(recs, 4, key=lambda r: r[1]))
bisect.insort(recs, ("x", 5), key=lambda r: r[1])
print(recs)
empty = []
bisect.insort(empty, "m")
bisect.insort(empty, "a")
print(empty, bisect.bisect([], 1))
try:
    bisect.bisect_left(xs, 1, -1)
except ValueError as e:
    print(type(e).__name__, e)
words = sorted("the quick brown fox jumps".split())
i = bisect.bisect_left(words, "fox")
print(words, i, words[i] == "fox")
