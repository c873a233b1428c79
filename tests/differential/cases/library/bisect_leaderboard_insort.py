# bisect: maintaining a sorted leaderboard and time-series windows with insort and key
import bisect

board = []
for name, score in [("ann", 50), ("bob", 75), ("cy", 50), ("dee", 90), ("eve", 10)]:
    bisect.insort(board, (-score, name))
print([(n, -s) for s, n in board])
print("rank of 60:", bisect.bisect_left(board, (-60, "")) + 1)
events = []
for t, ev in [(5, "c"), (1, "a"), (3, "b"), (9, "e"), (7, "d")]:
    bisect.insort_right(events, (t, ev), key=lambda e: e[0])
print(events)
ts = [e[0] for e in events]
lo, hi = bisect.bisect_left(ts, 3), bisect.bisect_right(ts, 7)
print(events[lo:hi])
print(bisect.bisect_left(events, 6, key=lambda e: e[0]), bisect.bisect_right(events, 9, key=lambda e: e[0]))
dups = [1, 1, 1, 1]
print(bisect.bisect_left(dups, 1), bisect.bisect_right(dups, 1))
bisect.insort_left(dups, 1, lo=2)
print(dups, bisect.bisect([0.1, 0.2, 0.3], 0.2), bisect.bisect(["b", "d"], "c"))
try:
    bisect.insort(None, 1)
except TypeError as e:
    print(type(e).__name__)
