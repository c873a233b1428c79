# exception chaining: implicit __context__, explicit raise ... from (__cause__), from None suppression, walking chains
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError(f"could not parse {s!r}") from e
try:
    parse("abc")
except RuntimeError as e:
    print(type(e).__name__, e, "|", type(e.__cause__).__name__, e.__cause__)
    print(e.__context__ is e.__cause__, e.__suppress_context__)
try:
    try:
        {}["missing"]
    except KeyError:
        raise TypeError("during handling")
except TypeError as e:
    print(type(e.__context__).__name__, e.__context__, e.__cause__, e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("clean") from None
except ValueError as e:
    print(e.__cause__, type(e.__context__).__name__, e.__suppress_context__)
try:
    raise KeyError("x") from ValueError("root")
except KeyError as e:
    print(repr(e.__cause__), e.__context__)
