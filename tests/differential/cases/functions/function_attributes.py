# function objects: __name__, __qualname__, __doc__, __annotations__, __module__, custom attributes
def area(w: float, h: float = 1.0) -> float:
    """Rectangle area."""
    return w * h

print(area.__name__, area.__qualname__, area.__doc__)
print(area.__annotations__)
print(area.__module__)
area.unit = "m2"
print(area.unit, area.__dict__)

def outer():
    def inner(): pass
    return inner
print(outer().__qualname__)

def nodoc(): pass
print(nodoc.__doc__, nodoc.__annotations__)
alias = area
alias.__name__ = "renamed"
print(area.__name__, alias is area)
print(callable(area), type(area).__name__)
def annotated(x: "str", *args: int, **kw: "kw") -> None: pass
print(annotated.__annotations__)
try:
    area.__name__ = 5
except TypeError as e:
    print(type(e).__name__, e)
