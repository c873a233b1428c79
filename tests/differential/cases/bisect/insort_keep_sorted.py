# insort / insort_left / insort_right keep a list sorted; stability with equal keys
import bisect
xs = []
for v in [5, 1, 4, 1, 5, 9, 2, 6, 5, 3]:
    bisect.insort(xs, v)
print(xs)
ys = [1, 3, 5]
bisect.insort_left(ys, 3)
bisect.insort_right(ys, 0)
bisect.insort(ys, 10, 0, len(ys))
print(ys)
pairs = []
for p in [(2, "b"), (1, "z"), (2, "a"), (1, "a")]:
    bisect.insort(pairs, p)
print(pairs)
words = []
for w in "the quick brown fox jumps over lazy dog".split():
    bisect.insort_left(words, w)
print(words)
f = [0.5]
bisect.insort(f, -1.25)
bisect.insort(f, 3)
print(f)
