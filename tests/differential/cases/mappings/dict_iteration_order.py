# dict preserves insertion order across insert, update, delete and reinsert
d = {}
for k in ["zeta", "alpha", "mid", "beta"]:
    d[k] = len(k)
print(list(d), list(d.values()))
d["alpha"] = 99
print(list(d.items()))
del d["zeta"]
d["zeta"] = 0
print(list(d))
d.update({"new": 1, "mid": -1})
print(d)
print(list(reversed(d)), next(iter(d)), next(reversed(d.values())))
nums = {i * 7 % 11: i for i in range(11)}
print(list(nums))
d2 = dict.fromkeys("hello world")
print("".join(d2))
x = {3: "c", 1: "a", 2: "b"}
print(x, dict(sorted(x.items())), {k: x[k] for k in sorted(x, reverse=True)})
big = {i: i for i in range(1000)}
for i in range(0, 1000, 2):
    del big[i]
print(list(big)[:5], len(big), list(big)[-1])
big[0] = "back"
print(list(big)[-2:])
