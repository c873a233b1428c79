# str() and repr() of exceptions with zero, one and several args; args attribute; KeyError quoting; add_note
cases = [
    Exception(),
    Exception("msg"),
    Exception("a", 2),
    ValueError(""),
    KeyError("key"),
    KeyError(),
    KeyError("a", "b"),
    IndexError(3),
    OSError(2, "No such file"),
    StopIteration(42),
    TypeError(None),
    RuntimeError("unicodé ✓"),
]
for e in cases:
    print(type(e).__name__, repr(str(e)), repr(e), e.args)
e = ValueError("first")
e.args = ("changed", 1)
print(str(e), repr(e))
print(OSError(2, "No such file").errno, OSError(2, "No such file").strerror)
print(StopIteration(7).value, StopIteration().value)
print(isinstance(KeyError(), LookupError), issubclass(ZeroDivisionError, ArithmeticError))
print(SyntaxError("bad", ("f.py", 1, 2, "x = ")).msg, SyntaxError("bad", ("f.py", 3, 2, "y")).lineno)
try:
    raise ValueError
except ValueError as err:
    print(repr(err), err.args)
e = ValueError("note me")
e.add_note("first note"); e.add_note("second note")
print(e.__notes__, str(e))
print(BaseException("b"), issubclass(KeyboardInterrupt, Exception), issubclass(GeneratorExit, BaseException))
