# dict setdefault/pop/popitem/get/clear: defaults, LIFO popitem order, grouping idioms, errors
d = {"a": 1}
print(d.setdefault("a", 100), d.setdefault("b", 2), d.setdefault("c"), d)
groups = {}
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups.setdefault(word[0], []).append(word)
print(groups)
print(d.pop("a"), d.pop("zz", "default"), d.pop("c", None), d)
e = {"one": 1, "two": 2, "three": 3}
print(e.popitem(), e.popitem(), e, e.popitem(), e)
e["x"] = 9
e["y"] = 8
e["x"] = 7
print(e.popitem(), e)
stack = dict.fromkeys(range(5))
order = []
while stack:
    order.append(stack.popitem()[0])
print(order, stack, stack.get(1, "gone"))
f = {"k": [1]}
g = f.copy()
g["k"].append(2)
g.clear()
print(f, g)
for op in (lambda: {}.popitem(), lambda: {}.pop("x"), lambda: {}.setdefault([], 1), lambda: {}.pop(), lambda: {}.get()):
    try:
        print(op())
    except (KeyError, TypeError) as ex:
        print(type(ex).__name__, ex)
