# itertools.groupby: consecutive runs, key functions, sorted grouping, shared underlying iterator
import itertools
print([(k, list(g)) for k, g in itertools.groupby("aaabccdaa")])
print([(k, len(list(g))) for k, g in itertools.groupby([1, 1, 2, 3, 3, 3, 1])])
words = ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]
for k, g in itertools.groupby(sorted(words), key=lambda w: w[0]):
    print(k, list(g))
print([(k, list(g)) for k, g in itertools.groupby(range(10), key=lambda n: n // 3)])
print(list(itertools.groupby([])))
# run-length encoding
s = "WWWWBBBWWCCCCCD"
print("".join(f"{len(list(g))}{k}" for k, g in itertools.groupby(s)))
# groups are invalidated when the groupby advances
groups = list(itertools.groupby("aabb"))
print([(k, list(g)) for k, g in groups])
data = [{"dept": "a", "n": 1}, {"dept": "a", "n": 2}, {"dept": "b", "n": 3}]
print({k: sum(d["n"] for d in g) for k, g in itertools.groupby(data, key=lambda d: d["dept"])})
print([k for k, _ in itertools.groupby([True, 1, 1.0, 2, 2.0])])
