# json: loads of nested data, number types, hooks and decode errors
import json
from decimal import Decimal
from collections import OrderedDict

s = '{"a": [1, 2.0, -3e2, true, false, null], "b": {"c": "\\u00e9\\n"}, "a2": 1E400}'
d = json.loads(s)
print(d, type(d["a"][1]).__name__, d["a"][2])
print(json.loads("12345678901234567890123"), json.loads('"\\ud83d\\ude00"'), json.loads(" [ ] "))
print(json.loads("1.1", parse_float=Decimal), json.loads("7", parse_int=float))
print(json.loads('{"x": 1, "x": 2}'), json.loads("NaN"), json.loads("-Infinity"))
print(json.loads('[{"k": 1}]', object_hook=lambda o: sorted(o.items())))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=list))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=OrderedDict))
for bad in ['{"a": 1,}', "[1, 2", "", "{'a': 1}", '"abc', "tru", '{"a" 1}', "[1] x"]:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(type(e).__name__, e.msg, e.pos, e.lineno, e.colno)
print(isinstance(json.JSONDecodeError("m", "d", 0), ValueError))
print(json.loads(b'{"bytes": 1}'))
