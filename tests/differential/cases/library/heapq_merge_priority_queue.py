# heapq: merge of sorted inputs and a task priority queue with tie-breaking counter
import heapq
import itertools

print(list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 9])))
print(list(heapq.merge(["a", "c"], ["b"], key=str.upper)))
print(list(heapq.merge([9, 5, 1], [8, 2], reverse=True)))
print(list(heapq.merge([], [], [3])))

pq = []
counter = itertools.count()
def add(task, prio):
    heapq.heappush(pq, (prio, next(counter), task))
for task, prio in [("write", 2), ("test", 1), ("deploy", 3), ("lint", 1), ("review", 2)]:
    add(task, prio)
order = []
while pq:
    prio, _, task = heapq.heappop(pq)
    order.append(f"{prio}:{task}")
print(order)

def kth_largest(xs, k):
    h = xs[:k]
    heapq.heapify(h)
    for x in xs[k:]:
        if x > h[0]:
            heapq.heapreplace(h, x)
    return h[0]
print(kth_largest([3, 2, 1, 5, 6, 4], 2), kth_largest(list(range(100)), 10))
mx = []
for x in [3, 1, 4, 1, 5]:
    heapq.heappush(mx, -x)
print([-heapq.heappop(mx) for _ in range(3)])
