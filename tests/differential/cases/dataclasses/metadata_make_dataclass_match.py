# field metadata, make_dataclass, __match_args__ with match statements, unsafe_hash, eq=False identity
from dataclasses import dataclass, field, fields, make_dataclass, asdict
@dataclass
class Column:
    name: str = field(metadata={"unit": "none"})
    width: int = field(default=10, metadata={"unit": "chars", "min": 1})
print([(f.name, dict(f.metadata)) for f in fields(Column)], fields(Column)[1].metadata["min"])
try:
    fields(Column)[0].metadata["x"] = 1
except TypeError as e:
    print(type(e).__name__)
Point = make_dataclass("Point", [("x", int), ("y", int, field(default=0))], namespace={"norm": lambda self: abs(self.x) + abs(self.y)})
p = Point(3, -4)
print(p, p.norm(), Point(1), asdict(p), Point.__match_args__)
@dataclass
class Move:
    dx: int
    dy: int
def classify(m):
    match m:
        case Move(0, 0):
            return "stay"
        case Move(dx, 0):
            return f"horizontal {dx}"
        case Move(dx=0, dy=dy):
            return f"vertical {dy}"
        case Move():
            return "diagonal"
for m in [Move(0, 0), Move(5, 0), Move(0, -2), Move(1, 1)]:
    print(classify(m))
@dataclass(unsafe_hash=True)
class Key:
    a: int
    b: str
print(hash(Key(1, "x")) == hash(Key(1, "x")), len({Key(1, "x"), Key(1, "x"), Key(2, "x")}))
@dataclass(eq=False)
class Node:
    v: int
n = Node(1)
print(n == Node(1), n == n, len({n, Node(1)}))
