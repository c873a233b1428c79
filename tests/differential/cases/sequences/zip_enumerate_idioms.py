# Common zip/enumerate/range idioms: parallel iteration, windows, chunking, transposition
names = ["ann", "bob", "cy"]
ages = [31, 25, 40]
for i, (n, a) in enumerate(zip(names, ages), 1):
    print(f"{i}. {n:>4} {a:03d}")
print(dict(zip(names, ages)), list(zip(*zip(names, ages))))
xs = list(range(10))
print([xs[i:i + 3] for i in range(0, len(xs), 3)])
print(list(zip(xs, xs[1:], xs[2:]))[:3])
it = iter(xs)
print(list(zip(it, it)))
print([sum(w) / 3 for w in zip(xs, xs[1:], xs[2:])][:4])
print(max(zip(ages, names)), min(enumerate(ages), key=lambda p: p[1]))
print(sorted(zip(ages, names), reverse=True))
print(list(zip(range(3), "abcdef", [True] * 5)))
print([i for i, x in enumerate("banana") if x == "a"])
total = 0
for i in range(len(xs) - 1, 0, -2):
    total += xs[i]
print(total, list(range(0)), list(range(-3)), list(range(3, -3, -2)))
print({k: v for k, v in zip("abc", range(3, 0, -1))})
