# typing: overload, final, Annotated, TYPE_CHECKING, dataclass_transform, assert_never, ParamSpec, Self
from typing import (overload, final, Annotated, TYPE_CHECKING, get_type_hints, get_args,
                    ParamSpec, Concatenate, Callable, Self, assert_type, reveal_type, Never, LiteralString, Final, ClassVar)

@overload
def dbl(x: int) -> int: ...
@overload
def dbl(x: str) -> str: ...
def dbl(x):
    return x * 2
print(dbl(2), dbl("ab"), TYPE_CHECKING)

@final
class Leaf:
    pass
print(Leaf.__final__ if hasattr(Leaf, "__final__") else "no attr")

Meters = Annotated[float, "unit:m"]
def run(d: Meters) -> None: pass
print(get_type_hints(run), get_type_hints(run, include_extras=True)["d"], get_args(Meters))

P = ParamSpec("P")
def logged(f: Callable[P, int]) -> Callable[P, int]:
    return f
print(P, P.args, P.kwargs, logged(len)("abc"))
print(assert_type(5, int), repr(Final[int]), repr(ClassVar[str]), Never, Self)

class Node:
    def me(self) -> Self:
        return self
n = Node()
print(n.me() is n)
try:
    Final[int, str]
except TypeError as e:
    print(type(e).__name__)
print(repr(Concatenate[int, P]), repr(Callable[Concatenate[int, P], str]))
