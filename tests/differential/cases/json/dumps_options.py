# json.dumps: indent, sort_keys, separators, ensure_ascii, nested containers
import json
data = {"name": "Ada", "langs": ["en", "fr"], "age": 36, "ok": True, "none": None, "pi": 3.25}
print(json.dumps(data))
print(json.dumps(data, sort_keys=True))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps([1, [2, []], {}], indent=4))
print(json.dumps({"a": [1, 2]}, indent="\t"))
print(json.dumps({"a": 1, "b": [1, 2]}, separators=(",", ":")))
print(json.dumps([1, 2], indent=0))
print(json.dumps("héllo ☃ \U0001F600"))
print(json.dumps("héllo ☃ \U0001F600", ensure_ascii=False))
print(json.dumps("tab\there\nquote\" back\\ \x01 \x7f"))
print(json.dumps({1: "int", 2.5: "float", True: "bool", None: "none"}))
print(json.dumps((1, 2)), json.dumps(""), json.dumps([]), json.dumps({}))
print(json.dumps(10**30), json.dumps(-0.0), json.dumps(1e100), json.dumps(0.1 + 0.2))
print(json.dumps([float("inf"), float("-inf"), float("nan")]))
try:
    json.dumps([float("nan")], allow_nan=False)
except ValueError as e:
    print(type(e).__name__, e)
