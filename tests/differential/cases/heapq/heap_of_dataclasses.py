# heapq with dataclass(order=True) items and field(compare=False); lazy deletion; heapsort; stable ties
import heapq
from dataclasses import dataclass, field
@dataclass(order=True)
class Item:
    priority: int
    seq: int
    name: str = field(compare=False)
heap = []
for i, (p, n) in enumerate([(2, "b"), (1, "a"), (2, "c"), (0, "z"), (1, "y")]):
    heapq.heappush(heap, Item(p, i, n))
print(heap[0], [heapq.heappop(heap).name for _ in range(len(heap))])
def heapsort(xs):
    h = list(xs)
    heapq.heapify(h)
    return [heapq.heappop(h) for _ in range(len(h))]
print(heapsort([3, -1, 4, 1, -5, 9, 2, 6]), heapsort([]), heapsort("heapsort"))
removed = set()
h = [(1, "a"), (2, "b"), (3, "c")]
heapq.heapify(h)
removed.add("a")
out = []
while h:
    p, name = heapq.heappop(h)
    if name not in removed:
        out.append(name)
print(out)
h = [[5, "x"], [1, "y"]]
heapq.heapify(h)
h[0][0] = 10
heapq.heapify(h)
print(h, heapq.nsmallest(1, h))
print(heapq.nsmallest(2, [Item(3, 0, "p"), Item(1, 1, "q"), Item(1, 0, "r")]))
