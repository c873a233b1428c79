# throwing into and closing suspended coroutines; try/except/finally inside async def
class Suspend:
    def __await__(self):
        return (yield "suspended")
async def guarded():
    try:
        v = await Suspend()
        print("resumed with", v)
        v2 = await Suspend()
        return v + v2
    except KeyError as e:
        print("coroutine caught", repr(e))
        return "recovered"
    finally:
        print("finally in coroutine")
def finish(c, how):
    try:
        how(c)
    except StopIteration as e:
        print("result", e.value)
    except ValueError as e:
        print(type(e).__name__, e)
c = guarded()
print(c.send(None), c.send(5))
finish(c, lambda c: c.send(6))
c = guarded()
c.send(None)
finish(c, lambda c: c.throw(KeyError("boom")))
c = guarded()
c.send(None)
c.close()
print("closed")
c = guarded()
c.send(None)
finish(c, lambda c: c.throw(ValueError("not caught")))
async def simple():
    return 1
s = simple()
s.close()
print("closed unstarted")
