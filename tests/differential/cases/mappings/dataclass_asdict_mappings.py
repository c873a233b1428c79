# dataclasses.asdict/astuple produce nested dicts; dataclasses in dicts and sets
from dataclasses import dataclass, field, asdict, astuple, replace
@dataclass
class Address:
    city: str
    zip: str = "00000"
@dataclass
class Person:
    name: str
    tags: list = field(default_factory=list)
    addr: Address = None
    meta: dict = field(default_factory=dict)
p = Person("ann", ["x"], Address("Oslo"), {"k": Address("Rome", "1")})
print(asdict(p))
print(astuple(p))
print(asdict(Person("bob")), Person("bob") == Person("bob"))
d = asdict(p)
d["tags"].append("y")
print(p.tags, d["tags"])
@dataclass(frozen=True)
class Key:
    a: int
    b: str
lookup = {Key(1, "x"): "first", Key(2, "y"): "second"}
print(lookup[Key(1, "x")], Key(2, "y") in lookup, len({Key(1, "x"), Key(1, "x")}))
print(replace(Key(1, "x"), b="z"), sorted(asdict(Key(3, "q")).items()))
try:
    {Person("c"): 1}
except TypeError as e:
    print(type(e).__name__, e)
try:
    asdict({"not": "dataclass"})
except TypeError as e:
    print(type(e).__name__, e)
print(asdict(p, dict_factory=lambda items: sorted(k for k, _ in items)))
