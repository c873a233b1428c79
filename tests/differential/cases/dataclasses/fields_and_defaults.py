# dataclass basics: generated __init__/__repr__/__eq__, defaults, default_factory, fields()
from dataclasses import dataclass, field, fields
@dataclass
class Item:
    name: str
    price: float = 0.0
    tags: list = field(default_factory=list)
    qty: int = 1
a = Item("pen")
b = Item("pen", 0.0)
print(a, a == b, a is b, a.tags is b.tags)
a.tags.append("office")
print(a, b.tags)
print(Item("book", 12.5, ["x"], qty=3))
print([f.name for f in fields(Item)], [f.type for f in fields(a)][:2])
print(fields(Item)[1].default, fields(Item)[2].default_factory is list)
try:
    Item()
except TypeError as e:
    print(type(e).__name__, e)
try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print(type(e).__name__, e)
try:
    @dataclass
    class Bad2:
        x: int = 1
        y: int
except TypeError as e:
    print(type(e).__name__, e)
print(Item.__eq__(a, 5), a != Item("pen"))
