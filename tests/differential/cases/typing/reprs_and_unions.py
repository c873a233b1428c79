# reprs of typing constructs: Optional, Union flattening/dedup, generics, Literal, Callable, Any
import typing
from typing import Optional, Union, List, Dict, Tuple, Callable, Any, Literal
print(repr(Optional[int]), repr(Union[int, None]), repr(Union[None, int]))
print(repr(Union[int, str]), repr(Union[int, Union[str, float]]), repr(Union[int, int]), Union[int] is int)
print(Union[int, str] == Union[str, int], Optional[int] == Union[int, None])
print(repr(List[int]), repr(Dict[str, List[Tuple[int, ...]]]), repr(Tuple[()]))
print(repr(Callable[[int, str], bool]), repr(Callable[..., None]), repr(Any))
print(repr(Literal["a", 1, True]), Literal[1, 2] == Literal[2, 1], repr(Literal[Literal[1], 2]))
print(repr(int | str), repr(int | None), repr(list[int]), repr(dict[str, int | None]))
print(repr(typing.Sequence[int]), repr(typing.Iterable), repr(typing.Type[int]))
print(isinstance(3, int | str), isinstance("a", Union[int, str]), issubclass(bool, int | None))
print(repr(typing.ClassVar[int]), repr(typing.Final[str]), repr(typing.Annotated[int, "meta"]))
try:
    isinstance([], List[int])
except TypeError as e:
    print(type(e).__name__, e)
try:
    Union[()]
except TypeError as e:
    print(type(e).__name__, e)
