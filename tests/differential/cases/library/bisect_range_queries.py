# bisect: counting values in ranges and finding nearest elements in sorted data
from bisect import bisect_left, bisect_right

data = sorted([15, 3, 8, 23, 42, 8, 16, 4, 8, 99, -5])
print(data)
def count_range(lo, hi):
    return bisect_right(data, hi) - bisect_left(data, lo)
print(count_range(4, 16), count_range(8, 8), count_range(100, 200), count_range(-10, 1000))
def nearest(x):
    i = bisect_left(data, x)
    cands = data[max(0, i - 1):i + 1]
    return min(cands, key=lambda v: (abs(v - x), v))
print([nearest(x) for x in [-100, 0, 10, 12, 30, 70, 1000]])
def index_of(x):
    i = bisect_left(data, x)
    return i if i < len(data) and data[i] == x else -1
print(index_of(8), index_of(99), index_of(7), index_of(-5))
times = [0.5, 1.25, 3.0, 7.5]
print([bisect_right(times, t) for t in (0.0, 0.5, 2, 10)])
class Rev:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v > o.v
rev = [Rev(x) for x in [9, 7, 4, 1]]
print(bisect_left(rev, Rev(5)), bisect_right(rev, Rev(7)))
print(bisect_left(range(0, 100, 5), 42), bisect_left("acegi", "f"), bisect_left((1, 2, 3), 2))
