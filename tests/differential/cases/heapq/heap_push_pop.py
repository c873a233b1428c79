# heappush/heappop keep the heap invariant; heapify in place; heappushpop vs heapreplace; errors
import heapq
h = []
for v in [5, 1, 8, 3, 9, 2, 7]:
    heapq.heappush(h, v)
print(h[0], len(h), [heapq.heappop(h) for _ in range(len(h))], h)
data = [9, 4, 7, 1, 8, 2, 2, 0]
heapq.heapify(data)
print(data, data[0], all(data[i] <= data[c] for i in range(len(data)) for c in (2 * i + 1, 2 * i + 2) if c < len(data)))
print(heapq.heappushpop(data, -1), data[0], heapq.heappushpop(data, 5), data[0])
print(heapq.heapreplace(data, 100), data[0], len(data))
try:
    heapq.heappop([])
except IndexError as e:
    print(type(e).__name__, e)
try:
    heapq.heapreplace([], 1)
except IndexError as e:
    print(type(e).__name__, e)
empty = []
heapq.heapify(empty)
print(empty, heapq.heappushpop([], 3))
words = ["pear", "apple", "fig", "Zebra", "éclair"]
heapq.heapify(words)
print([heapq.heappop(words) for _ in range(5)])
try:
    heapq.heappush([1, 2], "x")
except TypeError as e:
    print(type(e).__name__, e)
