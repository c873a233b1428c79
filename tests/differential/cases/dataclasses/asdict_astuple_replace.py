# asdict/astuple recursing into nested dataclasses, lists and dicts; replace(); is_dataclass
from dataclasses import dataclass, asdict, astuple, replace, is_dataclass, field
@dataclass
class Address:
    city: str
    zip: str = "00000"
@dataclass
class Person:
    name: str
    age: int
    address: Address
    phones: list = field(default_factory=list)
    meta: dict = field(default_factory=dict)
p = Person("Ann", 30, Address("Oslo"), ["123", "456"], {"k": Address("Rome", "1")})
print(asdict(p))
print(astuple(p))
d = asdict(p)
d["address"]["city"] = "Bergen"
print(p.address.city, type(d["address"]).__name__)
q = replace(p, age=31)
print(q.age, p.age, q.address is p.address, q == p)
print(replace(Address("X"), zip="9"))
try:
    replace(p, height=2)
except TypeError as e:
    print(type(e).__name__, e)
print(is_dataclass(p), is_dataclass(Person), is_dataclass(5), is_dataclass(dict))
try:
    asdict(Person)
except TypeError as e:
    print(type(e).__name__, e)
