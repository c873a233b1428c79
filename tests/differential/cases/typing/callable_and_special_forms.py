# typing special forms at runtime: Callable, Any, NoReturn, Self, ParamSpec, Concatenate, TypeAlias, Annotated
import typing
from typing import Callable, Annotated, ParamSpec, Concatenate, TypeVar, get_args, get_origin, get_type_hints
P = ParamSpec("P")
R = TypeVar("R")
def logged(fn: Callable[P, R]) -> Callable[P, R]:
    def inner(*args: P.args, **kwargs: P.kwargs) -> R:
        print("calling", fn.__name__, args, kwargs)
        return fn(*args, **kwargs)
    return inner
@logged
def add(a: int, b: int = 0) -> int:
    return a + b
print(add(2, b=3))
print(repr(P), repr(P.args), repr(P.kwargs), repr(Callable[P, int]), repr(Callable[Concatenate[int, P], int]))
print(get_args(Callable[[int], str]), get_origin(Callable[[int], str]))
Meters = Annotated[float, "unit: m"]
def run(d: Meters) -> None: ...
print(get_type_hints(run), get_type_hints(run, include_extras=True)["d"].__metadata__)
print(get_origin(Meters) is Annotated, get_args(Meters))
print(repr(typing.NoReturn), repr(typing.Never) if hasattr(typing, "Never") else "-", repr(typing.Self))
print(callable(typing.Any) is False or True, isinstance(len, Callable), isinstance(3, Callable))
try:
    isinstance(3, typing.Any)
except TypeError as e:
    print(type(e).__name__, e)
