# KeyError and IndexError: messages, key repr, negative indexes, pop/remove on empty, str/tuple/range indexing
def show(fn):
    try:
        r = fn()
        print("ok", r)
    except (KeyError, IndexError, ValueError) as e:
        print(type(e).__name__, repr(e), "|", e)

d = {"a": 1, 2: "two", (1, 2): "tuple"}
show(lambda: d["a"])
show(lambda: d["b"])
show(lambda: d[3])
show(lambda: d[(1, 3)])
show(lambda: d[""])
show(lambda: {}.pop("x"))
show(lambda: {}.popitem())
show(lambda: set().pop())
lst = [10, 20, 30]
show(lambda: lst[3])
show(lambda: lst[-4])
show(lambda: lst[-3])
show(lambda: [].pop())
show(lambda: [1].pop(5))
show(lambda: "abc"[10])
show(lambda: (1, 2)[2])
show(lambda: range(5)[5])
show(lambda: lst[1:100])
show(lambda: lst.remove(99))
show(lambda: lst.index(99))
show(lambda: "abc".index("z"))
show(lambda: {"k": 1}.get("x"))
import collections
dq = collections.deque()
show(lambda: dq.popleft())
show(lambda: [][0])
