# dict.popitem LIFO order, update forms, fromkeys with shared mutable value, clear/copy
d = {"one": 1, "two": 2, "three": 3}
print(d.popitem(), d)
d["four"] = 4
print(d.popitem(), d.popitem(), d)
try:
    {}.popitem()
except KeyError as e:
    print(type(e).__name__, e)
u = {"a": 1}
u.update({"b": 2})
u.update([("c", 3)], d=4)
u.update(a=10)
u.update()
print(u)
try:
    u.update(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    u.update([("x",)])
except ValueError as e:
    print(type(e).__name__, e)
f = dict.fromkeys(["x", "y"], [])
f["x"].append(1)
print(f, f["x"] is f["y"])
print(dict.fromkeys(range(3), 0), dict.fromkeys(""), dict.fromkeys("aab"))
c = u.copy()
c["a"] = -1
print(u["a"], c["a"], c is u)
c.clear()
print(c, u)
nested = {"k": [1]}
shallow = nested.copy()
shallow["k"].append(2)
print(nested)
