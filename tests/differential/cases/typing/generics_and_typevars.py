# TypeVar, Generic classes, subscripted generic reprs, __orig_bases__, __parameters__, bound/constraints
from typing import TypeVar, Generic, List, Iterator, get_args
T = TypeVar("T")
K = TypeVar("K", str, bytes)
N = TypeVar("N", bound=int)
print(repr(T), T.__name__, K.__constraints__, N.__bound__, T.__covariant__, repr(TypeVar("C", covariant=True)))
class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
    def pop(self) -> T:
        return self.items.pop()
    def __iter__(self) -> Iterator[T]:
        return iter(self.items)
s = Stack[int]()
s.push(1); s.push(2)
print(s.pop(), list(s), type(s).__name__, repr(Stack[int]), Stack.__parameters__)
class Pair(Generic[T, N]):
    pass
print(repr(Pair[str, int]), get_args(Pair[str, bool]), Pair[str, int] == Pair[str, int])
class IntStack(Stack[int]):
    pass
print(IntStack.__orig_bases__, IntStack.__parameters__, issubclass(IntStack, Stack), isinstance(IntStack(), Stack))
print(repr(List[T][int]), repr(dict[str, T][int]))
try:
    Stack[int, str]
except TypeError as e:
    print(type(e).__name__, e)
try:
    class Bad(Generic[int]):
        pass
except TypeError as e:
    print(type(e).__name__, e)
