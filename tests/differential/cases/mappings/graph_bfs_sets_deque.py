# Graph algorithms with dicts of sets, deque-based BFS and visited sets
from collections import deque, defaultdict
edges = [("a", "b"), ("a", "c"), ("b", "d"), ("c", "d"), ("d", "e"), ("f", "g")]
g = defaultdict(set)
for u, v in edges:
    g[u].add(v)
    g[v].add(u)
print({k: sorted(v) for k, v in sorted(g.items())})
def bfs(start):
    dist = {start: 0}
    q = deque([start])
    while q:
        node = q.popleft()
        for nxt in sorted(g[node]):
            if nxt not in dist:
                dist[nxt] = dist[node] + 1
                q.append(nxt)
    return dist
print(bfs("a"), bfs("f"))
def components():
    seen, comps = set(), []
    for n in sorted(g):
        if n in seen:
            continue
        comp = bfs(n).keys()
        seen |= comp
        comps.append(sorted(comp))
    return comps
print(components())
def dfs(node, seen=None):
    seen = [] if seen is None else seen
    seen.append(node)
    for nxt in sorted(g[node]):
        if nxt not in seen:
            dfs(nxt, seen)
    return seen
print(dfs("a"))
indeg = {n: 0 for n in "abcde"}
dag = {"a": ["b", "c"], "b": ["d"], "c": ["d"], "d": ["e"], "e": []}
for n in dag:
    for m in dag[n]:
        indeg[m] += 1
order, q = [], deque(n for n in indeg if indeg[n] == 0)
while q:
    n = q.popleft()
    order.append(n)
    for m in dag[n]:
        indeg[m] -= 1
        if indeg[m] == 0:
            q.append(m)
print(order, sorted(set("abcde") - set(order)))
