# json: custom JSONEncoder.default, default= callable, round trips and object decoding
import json
from datetime import date
from dataclasses import dataclass, asdict

@dataclass
class User:
    name: str
    born: date

class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, date):
            return o.isoformat()
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)

u = User("ada", date(1815, 12, 10))
print(json.dumps(asdict(u), cls=Enc))
print(json.dumps({"s": {3, 1, 2}}, cls=Enc))
print(json.dumps({"c": 1 + 2j}, default=lambda c: [c.real, c.imag]))
try:
    json.dumps(object(), cls=Enc)
except TypeError as e:
    print(type(e).__name__, str(e).split(" is not")[-1])

def hook(d):
    if "born" in d:
        return User(d["name"], date.fromisoformat(d["born"]))
    return d
back = json.loads(json.dumps(asdict(u), cls=Enc), object_hook=hook)
print(back, back == u)
data = {"list": [1, "two", 3.0, None], "nested": {"deep": [[], {}]}}
print(json.loads(json.dumps(data)) == data)
print(list(Enc(indent=None).iterencode({"a": [1, 2]})))
print(json.JSONDecoder().raw_decode('{"x": 1} trailing'))
print(json.dumps("é", ensure_ascii=True), json.dumps({"a": 1}, indent=0))
