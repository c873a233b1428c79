# ExceptionGroup and except*: splitting by type, nested groups, subgroup/split, derive, unhandled remainder
def risky():
    raise ExceptionGroup("batch failed", [
        ValueError("bad value 1"),
        TypeError("bad type"),
        ValueError("bad value 2"),
        ExceptionGroup("inner", [KeyError("k"), ValueError("deep")]),
    ])
try:
    risky()
except* ValueError as eg:
    print("values:", [str(e) for e in eg.exceptions], type(eg).__name__, eg.message)
except* TypeError as eg:
    print("types:", [str(e) for e in eg.exceptions])
except* KeyError as eg:
    print("keys:", repr(eg.exceptions[0]), eg.exceptions[0].message)
eg = ExceptionGroup("top", [ValueError(1), TypeError(2), ValueError(3)])
print(str(eg), repr(eg.exceptions))
match, rest = eg.split(ValueError)
print(match.exceptions, rest.exceptions)
print(eg.subgroup(TypeError).exceptions, eg.subgroup(KeyError))
print(eg.subgroup(lambda e: isinstance(e, ValueError) and e.args[0] > 1).exceptions)
print(repr(eg.derive([OSError("x")])))
try:
    try:
        raise ExceptionGroup("mix", [ValueError("v"), OSError("o")])
    except* ValueError:
        print("handled ValueError part")
except ExceptionGroup as remaining:
    print("propagated:", repr(remaining))
try:
    raise ValueError("naked")
except* ValueError as eg:
    print("naked wrapped:", repr(eg))
try:
    ExceptionGroup("empty", [])
except ValueError as e:
    print(type(e).__name__, e)
print(type(BaseExceptionGroup("b", [KeyboardInterrupt()])).__name__, type(BaseExceptionGroup("b", [ValueError()])).__name__)
