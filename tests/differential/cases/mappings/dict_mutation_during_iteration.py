# RuntimeError when a dict or set changes size during iteration; safe alternatives
d = {"a": 1, "b": 2, "c": 3}
try:
    for k in d:
        if k == "a":
            d["new"] = 0
except RuntimeError as e:
    print(type(e).__name__, e)
d = {"a": 1, "b": 2, "c": 3}
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print(type(e).__name__, e)
print(d)
d = {"a": 1, "b": 2, "c": 3}
for k in list(d):
    if d[k] % 2:
        del d[k]
print(d)
d = {"a": 1, "b": 2}
for k in d:
    d[k] *= 10
print(d)
s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print(type(e).__name__, e)
d = {"x": 1}
try:
    for k, v in d.items():
        d.pop(k)
        d["y"] = v
except RuntimeError as e:
    print(type(e).__name__, e)
d = {i: i for i in range(5)}
print({k: v for k, v in d.items() if k % 2 == 0})
d = {"a": 1}
try:
    for v in d.values():
        d["b"] = 2
except RuntimeError as e:
    print(type(e).__name__, e)
