# from __future__ import annotations works under every policy: annotations stay text
from __future__ import annotations

def f(x: Undefined, *, y: list[int] = None) -> "Result":
    return x

class C:
    attr: NotDefinedEither
    def m(self) -> C:
        return self

print(f(1), f.__annotations__, C.__annotations__, C.m.__annotations__)
