# generator.send(): coroutine-style accumulators, priming, and sending to a just-started or finished generator
def averager():
    total = count = 0
    avg = None
    while True:
        value = yield avg
        if value is None:
            break
        total, count = total + value, count + 1
        avg = total / count
    return (count, avg)
a = averager()
print(a.send(None), a.send(10), a.send(20), a.send(60))
try:
    a.send(None)
except StopIteration as e:
    print("final", e.value)
def echo():
    received = []
    while True:
        x = yield len(received)
        received.append(x)
        if x == "stop": return received
e = echo()
try:
    e.send("early")
except TypeError as err:
    print(type(err).__name__, err)
print(next(e), e.send("a"), e.send("b"))
for msg in ("stop", "again"):
    try:
        e.send(msg)
    except StopIteration as s:
        print("stopped with", s.value)
def running_max(best=None):
    while True:
        x = yield best
        best = x if best is None else max(best, x)
r = running_max(); r.send(None)
print([r.send(v) for v in [3, 1, 4, 1, 5, 9, 2]])
