# json string escapes: DEL kept when not ensure_ascii, every control character as \u00XX
import json
for s in ['\x7f', '\x0b\x1b\x00\x1f', 'a"b\\c\n\r\t\b\f', 'é€😀', '']:
    print(json.dumps(s), json.dumps(s, ensure_ascii=False), json.dumps([s, {s: s}], ensure_ascii=False))
    print(json.loads(json.dumps(s)) == s, json.loads(json.dumps(s, ensure_ascii=False)) == s)
print(json.dumps('\ud800'), json.dumps({'k\x7f': 1}))
