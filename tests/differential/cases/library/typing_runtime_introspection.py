# typing: runtime behaviour of annotations, get_type_hints, get_origin/get_args, cast
from typing import (List, Dict, Optional, Union, Tuple, Callable, Any, get_type_hints,
                    get_origin, get_args, cast, Literal)

def f(a: int, b: Optional[str] = None, *args: float, **kw: Dict[str, int]) -> List[int]:
    return [a]

hints = get_type_hints(f)
print(sorted(hints), hints["return"], hints["b"])
print(get_origin(List[int]), get_args(Dict[str, int]), get_origin(Optional[int]), get_args(Optional[int]))
print(get_args(Union[int, str, int]), Union[int, str] == Union[str, int], Union[int] is int)
print(get_origin(list[int]), get_args(tuple[int, ...]), get_args(Callable[[int, str], bool]))
print(get_origin(Literal["a", 1]), get_args(Literal["a", 1]), get_origin(int), get_args(int))
print(repr(List[int]), repr(Optional[str]), repr(Dict[str, List[int]]), repr(Tuple[()]))
print(repr(int | None), (int | str) == Union[int, str], isinstance(3, int | str))
print(cast(int, "not an int"), cast("List[int]", 5))
print(f.__annotations__["a"], f(3))
class C:
    x: int
    y: "str" = "s"
print(C.__annotations__, get_type_hints(C))
try:
    isinstance([], List[int])
except TypeError as e:
    print(type(e).__name__, e)
print(Any, repr(Callable[..., int]), List[int] == List[int], list[int] == List[int])
