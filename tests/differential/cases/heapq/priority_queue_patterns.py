# heap-based programs: priority queue with (priority, count, task), Dijkstra, streaming top-k, custom __lt__
import heapq, itertools
pq, counter = [], itertools.count()
for prio, task in [(3, "write"), (1, "plan"), (3, "test"), (2, "code"), (1, "think")]:
    heapq.heappush(pq, (prio, next(counter), task))
print([heapq.heappop(pq)[2] for _ in range(len(pq))])
graph = {"A": {"B": 4, "C": 1}, "C": {"B": 2, "D": 7}, "B": {"D": 1}, "D": {}}
def dijkstra(src):
    dist = {src: 0}
    heap = [(0, src)]
    while heap:
        d, node = heapq.heappop(heap)
        if d > dist.get(node, float("inf")):
            continue
        for nb, w in graph[node].items():
            nd = d + w
            if nd < dist.get(nb, float("inf")):
                dist[nb] = nd
                heapq.heappush(heap, (nd, nb))
    return dict(sorted(dist.items()))
print(dijkstra("A"), dijkstra("C"))
stream = [17, 3, 99, 42, 8, 56, 23, 1, 77]
top = []
for x in stream:
    if len(top) < 3:
        heapq.heappush(top, x)
    else:
        heapq.heappushpop(top, x)
print(sorted(top, reverse=True))
class Job:
    def __init__(self, p, name):
        self.p, self.name = p, name
    def __lt__(self, other):
        return self.p < other.p
jobs = [Job(5, "e"), Job(1, "a"), Job(3, "c")]
heapq.heapify(jobs)
print([heapq.heappop(jobs).name for _ in range(3)])
