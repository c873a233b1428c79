# generator.close(): GeneratorExit delivery, finally blocks, ignoring GeneratorExit, closing fresh/finished generators
def counted():
    try:
        for i in range(10):
            yield i
    finally:
        print("finally ran")
g = counted()
print(next(g), next(g), g.close())
try:
    next(g)
except StopIteration:
    print("StopIteration after close")
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("exit seen")
        yield 2
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print(type(e).__name__, e)
def polite():
    try:
        yield 1
    except GeneratorExit:
        print("closing nicely")
        raise
r = polite()
next(r); r.close(); r.close()
fresh = counted()
fresh.close()
print(list(fresh))
done = counted()
print(sum(done))
done.close()
print("closed finished generator")
