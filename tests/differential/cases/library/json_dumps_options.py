# json: dumps with indent, sort_keys, separators, ensure_ascii and special floats
import json

obj = {"name": "Zoë", "tags": ["a", "b"], "n": 3, "pi": 3.14, "ok": True, "none": None, "z": {}}
print(json.dumps(obj))
print(json.dumps(obj, sort_keys=True, indent=2))
print(json.dumps(obj, separators=(",", ":"), ensure_ascii=False))
print(json.dumps([1, [2, [3]]], indent="\t"))
print(json.dumps({1: "int", 2.5: "float", True: "bool", None: "null"}))
print(json.dumps("tab\tquote\"slash\\ nl\n \u2603 \U0001F600"))
print(json.dumps([float("inf"), float("-inf"), float("nan"), 1e20, 1e-7, -0.0, 10**20]))
try:
    json.dumps([float("nan")], allow_nan=False)
except ValueError as e:
    print(type(e).__name__, e)
try:
    json.dumps({"s": {1, 2}})
except TypeError as e:
    print(type(e).__name__, e)
try:
    json.dumps({(1, 2): 3})
except TypeError as e:
    print(type(e).__name__, e)
print(json.dumps({(1, 2): 3, "k": 1}, skipkeys=True), json.dumps((1, 2)), json.dumps([]), json.dumps({}, indent=4))
