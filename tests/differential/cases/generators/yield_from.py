# yield from: delegation, return value propagation, send/throw passthrough, recursive flattening
def inner():
    x = yield "i1"
    print("inner got", x)
    yield "i2"
    return "inner-result"
def outer():
    result = yield from inner()
    print("outer got", result)
    yield "o1"
g = outer()
print(next(g), g.send("hello"))
print(next(g), list(g))
def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain([1, 2], "ab", range(3), (x * x for x in range(3)))))
def tree(node):
    if isinstance(node, list):
        for child in node:
            yield from tree(child)
    else:
        yield node
print(list(tree([1, [2, [3, 4], [[5]]], 6])))
def catcher():
    try: yield 1
    except ValueError as e: yield f"caught {e}"
def delegator():
    yield from catcher()
    yield "after"
d = delegator()
print(next(d), d.throw(ValueError("x")), next(d))
def gen_ret():
    return 5
    yield
def take():
    v = yield from gen_ret()
    yield v * 2
    yield (yield from iter([1, 2]))
print(list(take()))
