# async def coroutines driven by hand with .send(None); results arrive in StopIteration.value
async def add(a, b):
    return a + b
async def compute():
    x = await add(1, 2)
    y = await add(x, 10)
    return x * y
def run(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value
    raise RuntimeError("coroutine suspended unexpectedly")
print(run(add(2, 3)), run(compute()))
c = add(1, 1)
print(type(c).__name__, run(c))
try:
    c.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)
async def raises():
    raise ValueError("inside coroutine")
try:
    run(raises())
except ValueError as e:
    print(type(e).__name__, e)
async def nested(n):
    if n == 0:
        return [0]
    return [n] + await nested(n - 1)
print(run(nested(5)))
c2 = compute()
c2.close()
try:
    c2.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)
print(compute.__name__, type(compute).__name__)
c3 = add(0, 0)
print(c3.cr_running, run(c3))
