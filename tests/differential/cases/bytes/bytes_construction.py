# constructing bytes and bytearray from literals, ints, iterables, strings, buffers; errors
print(b"abc", b"", bytes(), bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytes((0, 255)), bytes(b"xy"))
print(bytes("héllo", "utf-8"), bytes("abc", encoding="ascii"), bytes(bytearray(b"ba")), bytes(memoryview(b"mv")))
print(bytearray(), bytearray(2), bytearray(b"ab"), bytearray([1, 2]), bytearray("é", "utf-8"), bytearray(range(65, 68)))
print(bytes.fromhex("de ad be ef"), bytearray.fromhex("00ff"), bytes(x * 2 for x in range(4)), b"\x41\102C")
print(type(b"").__name__, type(bytearray()).__name__, bytes is bytearray, isinstance(b"", bytes), len(bytes(10)))
print(b"a" b"b", rb"\n", br"\x", len(b"\n"), b"\\", bytes([True, False]))
class Buf:
    def __bytes__(self):
        return b"custom"
class Idx:
    def __index__(self):
        return 4
print(bytes(Buf()), bytes(Idx()), bytes([Idx()]), bytearray(Idx()))
for op in (lambda: bytes([256]), lambda: bytes([-1]), lambda: bytes("abc"), lambda: bytes(-1), lambda: bytes(1.5),
           lambda: bytes(["a"]), lambda: bytearray("x"), lambda: bytes("é", "ascii"), lambda: bytes(b"x", "utf-8")):
    try:
        print(op())
    except (ValueError, TypeError, UnicodeError) as e:
        print(type(e).__name__, e)
