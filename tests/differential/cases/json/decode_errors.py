# json.JSONDecodeError: messages, positions, and that it is a ValueError
import json
bad = ['', '[1, 2', '{"a" 1}', '{"a": 1,}', '[1,]', 'tru', '"unterminated', "{'a': 1}",
       '[1] x', '01', '{"a": 1} {}', '"\\x"', '{1: 2}', '"\\ud83d"', '-', '[1 2]']
for s in bad:
    try:
        r = json.loads(s)
        print("ok", repr(s), repr(r))
    except json.JSONDecodeError as e:
        print(repr(s), "->", e, "|", e.msg, e.pos, e.lineno, e.colno)
try:
    json.loads('{\n  "a": 1,\n  "b": ]\n}')
except ValueError as e:
    print(type(e).__name__, e, isinstance(e, json.JSONDecodeError))
print(issubclass(json.JSONDecodeError, ValueError))
try:
    json.loads(None)
except TypeError as e:
    print(type(e).__name__, e)
json.loads('{"key": }')
