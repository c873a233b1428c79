# collections.defaultdict: list/int/set/lambda factories, nested, missing factory
from collections import defaultdict
groups = defaultdict(list)
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups[word[0]].append(word)
print(dict(groups), groups.default_factory)
counts = defaultdict(int)
for ch in "hello":
    counts[ch] += 1
print(counts, counts["missing"], len(counts))
tags = defaultdict(set)
tags["x"].add(1)
tags["x"].add(1)
tags["y"]
print(dict(tags))
const = defaultdict(lambda: "N/A", a="A")
print(const["a"], const["b"], sorted(const))
tree = lambda: defaultdict(tree)
t = tree()
t["a"]["b"]["c"] = 1
print(t["a"]["b"]["c"], list(t["a"]), "zz" in t, t.get("missing"), len(t))
plain = defaultdict(None, {"k": 1})
try:
    plain["q"]
except KeyError as e:
    print(type(e).__name__, e)
try:
    defaultdict(5)
except TypeError as e:
    print(type(e).__name__, e)
dd = defaultdict(list, {"a": [1]})
cp = dd.copy()
cp["b"].append(2)
print(type(cp).__name__, cp.default_factory is list, "b" in dd, dict(cp))
print(repr(defaultdict(int)) , repr(defaultdict(int, {1: 2})))
print(isinstance(dd, dict), dd == {"a": [1]}, dd.setdefault("c", 3), dd.pop("c"))
