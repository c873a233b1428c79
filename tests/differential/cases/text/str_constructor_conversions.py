# Checks str() of assorted objects, str(bytes, encoding, errors) and repr/str differences
print(str(), str(123), str(-4.5), str(1e100), str(True), str(None), str([1, "a"]), str((1,)), str({"k": 1}))
print(str(b"abc"), str(bytearray(b"x")), str(b"caf\xc3\xa9", "utf-8"), str(b"\xff", encoding="ascii", errors="ignore"))
print(str(object=5), str(1 + 2j), str(range(3)), str(slice(1, 2)), str(frozenset()), str(set()))
print(str(str), str(int), str(ValueError("boom")), str(KeyError("k")), repr(KeyError("k")), str(Exception()))
class A:
    def __str__(self):
        return "A-str"
class B:
    def __repr__(self):
        return "B-repr"
print(str(A()), str(B()), [A()][0].__str__(), str([B()]), f"{B()}")
class Bad:
    def __str__(self):
        return 5
try:
    str(Bad())
except TypeError as e:
    print(type(e).__name__, e)
try:
    str("x", "utf-8")
except TypeError as e:
    print(type(e).__name__, e)
try:
    str(5, "utf-8")
except TypeError as e:
    print(type(e).__name__, e)
