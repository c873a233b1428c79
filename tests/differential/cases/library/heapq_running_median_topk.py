# heapq: running median with two heaps, top-k frequent words, and merging sorted logs
import heapq
from collections import Counter

lo, hi, med = [], [], []
for x in [5, 15, 1, 3, 8, 7, 9, 10, 20, 2]:
    heapq.heappush(lo, -x)
    heapq.heappush(hi, -heapq.heappop(lo))
    if len(hi) > len(lo):
        heapq.heappush(lo, -heapq.heappop(hi))
    med.append(-lo[0] if len(lo) > len(hi) else (-lo[0] + hi[0]) / 2)
print(med)
text = "the cat and the hat and the bat sat on the mat with a cat"
cnt = Counter(text.split())
print(heapq.nlargest(3, cnt.items(), key=lambda kv: (kv[1], kv[0])))
print(heapq.nsmallest(3, cnt, key=lambda w: (-cnt[w], w)))
logs_a = [(1, "a1"), (4, "a2"), (9, "a3")]
logs_b = [(2, "b1"), (4, "b2")]
print(list(heapq.merge(logs_a, logs_b)))
print(list(heapq.merge(logs_a, logs_b, key=lambda e: -e[0])) if False else list(heapq.merge(logs_a[::-1], logs_b[::-1], key=lambda e: e[0], reverse=True)))
h = [(3, "c"), (1, "a"), (2, "b")]
heapq.heapify(h)
print(h[0], len(h), heapq.heappop(h), h)
print(heapq.nlargest(2, [1.5, float("inf"), -0.0, 0.0]), heapq.nsmallest(2, "zebra"))
