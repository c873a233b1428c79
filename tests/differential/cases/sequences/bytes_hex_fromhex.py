# bytes.hex with separators, fromhex for bytes and bytearray
b = bytes([0, 15, 16, 255, 171])
print(b.hex(), b.hex(":"), b.hex("-", 2), b.hex(" ", -2), b.hex("_", 3))
print(bytearray(b"\x01\x02\x03").hex(","), b"".hex(), memoryview(b"\xab\xcd").hex())
print(bytes.fromhex("deadbeef"), bytes.fromhex("de ad  be ef"), bytes.fromhex(""))
print(bytearray.fromhex("41 42 43"), bytes.fromhex("0A0b"))
try:
    bytes.fromhex("abc")
except ValueError as e:
    print(type(e).__name__, e)
try:
    bytes.fromhex("zz")
except ValueError as e:
    print(type(e).__name__, e)
for n in [0, 1, 255, 256, -1, 2**64]:
    print(n, hex(n), format(n, "x"), format(n, "#06x") if n >= 0 else "")
print(int("ff", 16), int("0xff", 16), int("0xff", 0), int.from_bytes(b"\x01\x00", "big"))
print((1024).to_bytes(2, "big"), (1024).to_bytes(4, "little"), (-1).to_bytes(2, "big", signed=True))
print(int.from_bytes(b"\xff\xfe", "little", signed=True), (255).to_bytes(1, "big").hex())
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print(type(e).__name__, e)
