# typing with dataclasses and enums: ClassVar/InitVar handling, field annotations, get_type_hints on methods
import typing
import dataclasses
from typing import ClassVar, List, Optional, get_type_hints
@dataclasses.dataclass
class Item:
    name: str
    tags: List[str] = dataclasses.field(default_factory=list)
    parent: Optional["Item"] = None
    count: ClassVar[int] = 0
    def label(self, prefix: str = "") -> str:
        return prefix + self.name
it = Item("a", ["x"])
print(it, [f.name for f in dataclasses.fields(Item)], Item.count)
print(get_type_hints(Item.label), Item.__annotations__["count"])
print(get_type_hints(Item)["tags"], sorted(get_type_hints(Item)))
class Config:
    debug: bool = False
    level: int
print(Config.__annotations__, hasattr(Config, "level"), Config.debug)
def outer():
    def inner(x: List[int]) -> None: ...
    return inner
print(outer().__annotations__)
lam = lambda: None
print(getattr(lam, "__annotations__", "none"))
