# collections.Counter construction, lookup of missing keys, most_common, elements
from collections import Counter
c = Counter("abracadabra")
print(c, c["a"], c["z"], "z" in c, len(c))
print(c.most_common(2), c.most_common(0), c.most_common()[-1])
print(Counter(["x", "y", "x"]), Counter({"a": 3, "b": -1}), Counter(a=2, b=0))
print(sorted(c.elements()), list(Counter(a=2, b=-1, c=0).elements()))
words = "the cat and the hat and the bat".split()
wc = Counter(words)
print(wc.most_common(3))
for word, n in wc.most_common():
    print(f"{word}: {'*' * n}")
print(Counter(), Counter().most_common(), Counter("").total() if hasattr(Counter, "total") else 0)
print(c.total(), wc.total(), sum(wc.values()))
del c["a"]
print(c, c["a"])
c["new"] += 1
print(c.most_common(1), c["new"])
ties = Counter("bbaacc")
print(ties.most_common(), list(ties))
