# list, set, dict and generator comprehensions with filters, nesting, conditions and transformations
words = ["apple", "Banana", "cherry", "date", "Elderberry", "fig"]
print([w.lower() for w in words if len(w) > 4])
print(sorted({len(w) for w in words}))
print({w[0].lower(): len(w) for w in words})
print(sum(len(w) for w in words))
print([w if len(w) < 5 else w[:3] + "." for w in words])
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[i] for i in range(3) for row in matrix])
print([[row[i] for row in matrix] for i in range(3)])
print([x for row in matrix for x in row if x % 2 == 0])
print({(i, j) for i in range(3) for j in range(i, 3) if i + j == 2} == {(0, 2), (1, 1)})
inv = {v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()}
print(inv)
print([(x, y) for x in range(3) if x for y in "ab" if y != "a"])
print(dict(sorted({c: words.count(c) for c in ["fig", "kiwi"]}.items())))
print([i * j for i in range(1, 4) for j in range(1, 4) if i != j])
print([[]for _ in range(2)], [c for c in "héllo ü" if c.isalpha()])
print(list(filter(None, [x % 3 for x in range(7)])))
print({k: [v for v in range(k)] for k in range(4)})
