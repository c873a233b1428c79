# key= parameter of bisect and insort (Python 3.10+), lookup tables, grading
import bisect
records = [("ann", 21), ("bob", 25), ("cat", 30), ("dan", 30), ("eve", 41)]
print(bisect.bisect_left(records, 30, key=lambda r: r[1]))
print(bisect.bisect_right(records, 30, key=lambda r: r[1]))
print(bisect.bisect(records, 0, key=lambda r: r[1]), bisect.bisect(records, 99, key=lambda r: r[1]))
bisect.insort(records, ("fay", 27), key=lambda r: r[1])
bisect.insort_left(records, ("gus", 30), key=lambda r: r[1])
print([n for n, _ in records])
def grade(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100, 60, 59]])
words = sorted(["Banana", "apple", "Cherry", "date"], key=str.lower)
print(words, bisect.bisect_left(words, "c", key=str.lower))
