# defaultdict: list/int/set factories, nested defaultdicts, __missing__, default_factory None, repr
from collections import defaultdict
groups = defaultdict(list)
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups[word[0]].append(word)
print(dict(groups), sorted(groups))
counts = defaultdict(int)
for ch in "hello world":
    counts[ch] += 1
print(sorted(counts.items()))
print(repr(defaultdict(int, {"a": 1})), defaultdict(list).default_factory)
tree = lambda: defaultdict(tree)
t = tree()
t["a"]["b"]["c"] = 1
print(t["a"]["b"]["c"], "x" in t, len(t["a"]))
s = defaultdict(set)
s[1].add("x"); s[1].add("x"); s[2]
print(sorted(s.items()), s.get(3), 3 in s)
n = defaultdict(None, {"k": 1})
try:
    n["missing"]
except KeyError as e:
    print(type(e).__name__, e)
d = defaultdict(lambda: "?")
print(d["q"], d.__missing__("r"), sorted(d))
c = d.copy()
print(type(c).__name__, c.default_factory is d.default_factory, c == d)
try:
    defaultdict(5)
except TypeError as e:
    print(type(e).__name__, e)
