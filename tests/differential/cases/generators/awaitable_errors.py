# errors from await: non-awaitable objects, __await__ returning non-iterators, awaiting a coroutine twice
def run(coro):
    try:
        coro.send(None)
        print("suspended")
    except StopIteration as e:
        print("returned", e.value)
    except (TypeError, RuntimeError) as e:
        print(type(e).__name__, e)
class NotAwaitable: pass
async def bad():
    await NotAwaitable()
run(bad())
class BadAwait:
    def __await__(self): return 42
async def bad2():
    await BadAwait()
run(bad2())
async def value():
    return 1
async def twice():
    c = value()
    a = await c
    b = await c
    return a, b
run(twice())
async def await_int():
    await 5
run(await_int())
async def await_gen():
    await (x for x in [1])
run(await_gen())
async def await_none():
    return await None
run(await_none())
class GoodAwait:
    def __await__(self): return iter([])
async def good():
    return await GoodAwait()
run(good())
