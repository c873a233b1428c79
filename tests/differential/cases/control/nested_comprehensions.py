# nested comprehensions producing matrices, flattening, cartesian products, and comprehensions with function calls
def transpose(m):
    return [list(col) for col in zip(*m)]
m = [[1, 2, 3], [4, 5, 6]]
print(transpose(m))
print([[i * j for j in range(1, 5)] for i in range(1, 4)])
identity = [[1 if i == j else 0 for j in range(3)] for i in range(3)]
print(identity)
triples = [(a, b, c) for c in range(1, 21) for b in range(1, c) for a in range(1, b) if a * a + b * b == c * c]
print(triples)
deep = [[[1, 2], [3]], [[4], [5, 6, 7]]]
print([x for outer in deep for inner in outer for x in inner])
print({word: {ch: word.count(ch) for ch in sorted(set(word))} for word in ["noon", "abc"]})
grid = {(r, c): r * 3 + c for r in range(2) for c in range(3)}
print(grid[(1, 2)], len(grid), sorted(grid)[:3])
print([sum(row) for row in m], sum(sum(row) for row in m))
print([list(range(n)) for n in range(4)])
print(sorted(tuple(sorted(s)) for s in {frozenset((a, b)) for a in "xy" for b in "xy"}))
print([(i, s) for i, s in enumerate(["a", "b", "c"]) if i != 1])
print(max([(len(w), w) for w in "the quick brown fox".split()]))
