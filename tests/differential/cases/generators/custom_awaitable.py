# custom awaitables with __await__, and a tiny hand-written event loop scheduling coroutines round-robin
class Yield:
    def __init__(self, label): self.label = label
    def __await__(self):
        value = yield self.label
        return value
async def task(name, steps):
    total = 0
    for i in range(steps):
        got = await Yield(f"{name}:{i}")
        total += got
    return f"{name} done total={total}"
def loop(coros):
    queue = [(c, None) for c in coros]
    results, tick = [], 0
    while queue:
        coro, val = queue.pop(0)
        try:
            print("suspended at", coro.send(val))
            tick += 1
            queue.append((coro, tick))
        except StopIteration as e:
            results.append(e.value)
    return results
print(loop([task("a", 2), task("b", 3), task("c", 0)]))
class Gen:
    def __await__(self):
        x = yield from Yield("inner").__await__()
        return x * 2
async def via_yield_from():
    return await Gen()
c = via_yield_from()
print(c.send(None))
try:
    c.send(21)
except StopIteration as e:
    print("result", e.value)
