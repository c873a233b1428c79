# Protocol with runtime_checkable, cast, overload, final, Literal, NewType, TYPE_CHECKING, no_type_check
import typing
from typing import Protocol, runtime_checkable, cast, overload, final, NewType, Literal, Any
@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...
class File:
    def close(self) -> None:
        print("closed")
class Rock: pass
print(isinstance(File(), Closable), isinstance(Rock(), Closable), issubclass(File, Closable))
class SizedProto(Protocol):
    def __len__(self) -> int: ...
try:
    isinstance([], SizedProto)
except TypeError as e:
    print(type(e).__name__, e)
print(isinstance([], typing.Sized), isinstance(3, typing.SupportsInt), isinstance("x", typing.SupportsAbs))
v = cast(int, "not really an int")
print(v, cast("List[int]", [1]), cast(Any, None))
@overload
def double(x: int) -> int: ...
@overload
def double(x: str) -> str: ...
def double(x):
    return x * 2
print(double(2), double("ab"))
try:
    overload(lambda x: x)(1)
except NotImplementedError as e:
    print(type(e).__name__, e)
UserId = NewType("UserId", int)
print(UserId(5), type(UserId(5)).__name__, UserId.__name__, repr(UserId) if False else UserId.__supertype__)
@final
class Leaf: pass
print(Leaf.__final__ if hasattr(Leaf, "__final__") else "no attr", typing.TYPE_CHECKING)
Mode = Literal["r", "w"]
def open_mode(m: Mode) -> str:
    return m
print(open_mode("r"), typing.get_args(Mode), typing.get_type_hints(open_mode))
