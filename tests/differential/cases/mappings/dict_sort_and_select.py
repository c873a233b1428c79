# Sorting dicts by key and value, top-N, min/max by value, itemgetter
from operator import itemgetter
scores = {"ann": 88, "bob": 95, "cy": 70, "dee": 95, "eve": 60}
print(dict(sorted(scores.items())))
print(dict(sorted(scores.items(), key=itemgetter(1), reverse=True)))
print(sorted(scores, key=scores.get), sorted(scores, key=lambda k: (-scores[k], k)))
print(max(scores, key=scores.get), min(scores.items(), key=itemgetter(1)))
print(sorted(scores.values())[-3:], sum(scores.values()) / len(scores))
top2 = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)[:2]
print(top2)
print({k: v for k, v in scores.items() if v >= 88})
records = [{"name": "x", "age": 30}, {"name": "y", "age": 25}, {"name": "z", "age": 30}]
print(sorted(records, key=itemgetter("age", "name")))
print([r["name"] for r in sorted(records, key=lambda r: r["age"], reverse=True)])
print(itemgetter("name")(records[0]), itemgetter("name", "age")(records[1]))
try:
    itemgetter("missing")(records[0])
except KeyError as e:
    print(type(e).__name__, e)
print(list(map(itemgetter(0), sorted(scores.items(), key=itemgetter(1)))))
print(sorted({3: "c", 1: "a", 2: "b"}.items(), reverse=True))
