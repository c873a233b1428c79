# json round trips: dumps then loads gives equal data; tuple -> list, int keys -> str keys
import json
values = [
    {"nested": {"list": [1, 2.5, "three", None, True]}, "empty": {}},
    [[], [[]], [{}]],
    "unicode ☃ é \U0001F600 \u0000",
    12345678901234567890,
    -1.5e-300,
    0.1,
    1 / 3,
]
for v in values:
    s = json.dumps(v)
    back = json.loads(s)
    print(back == v, s if len(s) < 60 else s[:60])
print(json.loads(json.dumps((1, (2, 3)))))
print(json.loads(json.dumps({1: "a", "2": "b"})))
print(json.loads(json.dumps({"k": "v"}, indent=3)) == {"k": "v"})
print(json.loads(json.dumps("\U0001F600", ensure_ascii=False)) == "\U0001F600")
enc = json.JSONEncoder(sort_keys=True, separators=(",", ":"))
print(enc.encode({"z": 1, "a": [1, 2]}))
print(list(json.JSONEncoder().iterencode({"a": [1]})))
dec = json.JSONDecoder()
print(dec.raw_decode('{"a": 1} trailing'))
print(dec.decode(' [1] '))
