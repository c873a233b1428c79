# json round-trips of dicts: key coercion, sort_keys, nested structures, object_hook
import json
data = {"b": [1, 2.5, None, True], "a": {"nested": "é"}, "n": 10**20}
s = json.dumps(data)
print(s)
print(json.dumps(data, sort_keys=True, indent=2))
print(json.loads(s) == data, json.dumps(data, ensure_ascii=False))
print(json.dumps({1: "int", 2.5: "float", True: "bool", None: "none"}))
print(json.loads('{"1": 1, "1": 2}'), json.loads("{}"), json.dumps({}))
try:
    json.dumps({(1, 2): "tuple"})
except TypeError as e:
    print(type(e).__name__, e)
print(json.dumps({(1, 2): "skip", "k": 1}, skipkeys=True))
print(json.loads('{"a": {"b": [1, {"c": null}]}}')["a"]["b"][1])
print(json.loads('{"x": 1, "y": 2}', object_hook=lambda d: sorted(d.items())))
print(json.loads('[["a", 1], ["b", 2]]', object_pairs_hook=dict), json.loads('{"b": 1, "a": 2}', object_pairs_hook=list))
print(json.dumps({"z": 1, "y": {"x": [1, 2]}}, separators=(",", ":")))
try:
    json.loads('{"a": 1,}')
except json.JSONDecodeError as e:
    print(type(e).__name__, e)
print(json.dumps(dict.fromkeys("ab", [])), json.dumps({"t": (1, 2)}))
