# nested lists/dicts/tuples: building, indexing chains, grouping, flattening, transposing, json round trip
import json
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(matrix[1][2], [row[0] for row in matrix], list(zip(*matrix)), [list(r) for r in zip(*matrix)][::-1])
print(sum(matrix, []), [x for row in matrix for x in row if x % 2], [[r[i] for r in matrix] for i in range(3)])
people = [{"name": "Ann", "tags": ["a", "b"], "age": 31}, {"name": "Bob", "tags": [], "age": 25},
          {"name": "Cy", "tags": ["b"], "age": 31}]
by_age = {}
for p in people:
    by_age.setdefault(p["age"], []).append(p["name"])
print(by_age, sorted(people, key=lambda p: (p["age"], p["name"]))[0]["name"], [p["name"] for p in people if "b" in p["tags"]])
tree = {"value": 1, "children": [{"value": 2, "children": []}, {"value": 3, "children": [{"value": 4, "children": []}]}]}
def total(node):
    return node["value"] + sum(total(c) for c in node["children"])
def depth(node):
    return 1 + max((depth(c) for c in node["children"]), default=0)
print(total(tree), depth(tree), tree["children"][1]["children"][0]["value"])
def flatten(x):
    for item in x:
        if isinstance(item, (list, tuple)):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, (3, [4, []])], 5])))
text = json.dumps(people, sort_keys=True)
print(text[:60], json.loads(text) == people, json.dumps({"a": (1, 2), "b": None}), json.loads('[1, {"x": [true]}]'))
rec = [1]
rec.append(rec)
d = {}
d["self"] = d
print(rec, d, rec[1][1][1][0], str([rec, rec]))
