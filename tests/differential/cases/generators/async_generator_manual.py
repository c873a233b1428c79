# async generators, async for, async comprehensions and async with, driven by hand without asyncio
class Tick:
    def __await__(self): yield "tick"
async def agen(n):
    for i in range(n):
        await Tick()
        yield i * i
class Resource:
    def __init__(self, name): self.name = name
    async def __aenter__(self):
        print("enter", self.name)
        return self
    async def __aexit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None)
        return False
async def main():
    out = []
    async with Resource("db") as r:
        async for v in agen(4):
            out.append(v)
    squares = [v async for v in agen(3)]
    return out, squares, r.name
def run(coro):
    ticks = 0
    while True:
        try:
            coro.send(None)
            ticks += 1
        except StopIteration as e:
            return e.value, ticks
print(run(main()))
async def first_two():
    g = agen(10)
    a, b = await g.__anext__(), await g.__anext__()
    await g.aclose()
    try:
        await agen(0).__anext__()
    except StopAsyncIteration:
        return a, b, "StopAsyncIteration"
print(run(first_two()), type(agen(1)).__name__)
