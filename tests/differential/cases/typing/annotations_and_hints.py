# runtime annotations: __annotations__, get_type_hints with forward refs and Optional defaults, get_origin/get_args
import typing
from typing import Optional, Union, List, Dict, get_type_hints, get_origin, get_args
def greet(name: str, times: int = 1, tag: Optional[str] = None) -> str:
    return name * times
print(greet.__annotations__)
print(get_type_hints(greet))
class Node:
    value: int
    next: "Optional[Node]"
    label: str = "n"
print(Node.__annotations__)
print(get_type_hints(Node))
print(get_origin(List[int]), get_args(Dict[str, List[int]]), get_origin(int), get_args(int))
print(get_origin(list[int]), get_args(tuple[int, ...]), get_origin(Union[int, str]), get_args(Optional[int]))
print(get_origin(int | str), get_args(int | None))
x: int = 5
print(__annotations__)
def f(a: "undefined_name"):
    pass
try:
    get_type_hints(f)
except NameError as e:
    print(type(e).__name__, e)
