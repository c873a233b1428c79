# iterating dicts while mutating: copies of keys, comprehensions to filter, changed-size errors, order
d = {k: len(k) for k in ["apple", "fig", "banana", "kiwi"]}
for k in list(d):
    if d[k] < 5:
        del d[k]
print(d)
d = {"a": 1, "b": 2, "c": 3}
try:
    for k in d:
        if k == "a":
            del d["b"]
except RuntimeError as e:
    print(type(e).__name__, e)
print(d)
d = {"a": 1, "b": 2}
for k in d:
    d[k] = d[k] * 10
print(d)
try:
    for k, v in d.items():
        d["new"] = v
except RuntimeError as e:
    print(type(e).__name__, e)
d = {3: "c", 1: "a", 2: "b"}
print({k: v for k, v in sorted(d.items())}, {v: k for k, v in d.items()}, dict(sorted(d.items(), reverse=True)))
d.pop(1); d[1] = "again"
print(list(d), list(d.items())[-1], next(iter(d)), next(reversed(d.values())))
it = iter(d)
print(next(it))
d[99] = "late"
try:
    print(next(it))
except RuntimeError as e:
    print(type(e).__name__, e)
