# heapq: heappush/heappop, heapify, pushpop/replace, nlargest/nsmallest
import heapq

h = []
for x in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(h, x)
print(h[0], [heapq.heappop(h) for _ in range(len(h))])
data = [9, 4, 7, 1, -3, 4]
heapq.heapify(data)
print(data, data[0])
print(heapq.heappushpop(data, 0), heapq.heapreplace(data, 100), data)
nums = [15, 3, 22, 8, 3, 41, -1]
print(heapq.nlargest(3, nums), heapq.nsmallest(2, nums), heapq.nlargest(10, nums))
words = ["pear", "fig", "banana", "kiwi"]
print(heapq.nsmallest(2, words, key=len), heapq.nlargest(1, words, key=lambda w: w[-1]))
try:
    heapq.heappop([])
except IndexError as e:
    print(type(e).__name__, e)
print(heapq.nsmallest(0, nums), heapq.nlargest(1, []))
t = []
for item in [(2, "b"), (1, "z"), (2, "a"), (1, "y")]:
    heapq.heappush(t, item)
print([heapq.heappop(t) for _ in range(4)])
