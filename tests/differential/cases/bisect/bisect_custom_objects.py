# bisect on user classes with __lt__, on negative numbers, and searching in ranges of large ints
import bisect
class V:
    def __init__(self, n):
        self.n = n
    def __lt__(self, other):
        return self.n < other.n
    def __repr__(self):
        return f"V({self.n})"
vs = [V(1), V(3), V(5)]
print(bisect.bisect_left(vs, V(3)), bisect.bisect_right(vs, V(3)), bisect.bisect(vs, V(4)))
bisect.insort(vs, V(2))
print(vs)
neg = [-10, -5, -5, 0, 5]
print(bisect.bisect_left(neg, -5), bisect.bisect_right(neg, -5), bisect.bisect(neg, -100))
big = [10 ** 20, 10 ** 30, 10 ** 40]
print(bisect.bisect(big, 10 ** 25), bisect.bisect_left(big, 10 ** 40))
def index(a, x):
    i = bisect.bisect_left(a, x)
    if i != len(a) and a[i] == x:
        return i
    raise ValueError(f"{x} not in list")
print(index([1, 2, 3, 4], 3))
try:
    index([1, 2, 3, 4], 7)
except ValueError as e:
    print(type(e).__name__, e)
