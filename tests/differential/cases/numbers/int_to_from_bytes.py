# int.to_bytes / int.from_bytes with byte orders, signedness, defaults and overflow
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), (1024).to_bytes(4, byteorder="big"))
print((0).to_bytes(1, "big"), (255).to_bytes(1, "big"), (65).to_bytes(), (0).to_bytes(0, "big"))
print((-1).to_bytes(2, "big", signed=True), (-128).to_bytes(1, "little", signed=True))
print((2 ** 64 - 1).to_bytes(8, "little"), (2 ** 80).to_bytes(11, "big").hex())
print(int.from_bytes(b"\x04\x00", "big"), int.from_bytes(b"\x04\x00", "little"))
print(int.from_bytes(b"\xff\xff", "big"), int.from_bytes(b"\xff\xff", "big", signed=True))
print(int.from_bytes(b"", "big"), int.from_bytes(b"\x80", signed=True), int.from_bytes(b"\x01\x00"))
print(int.from_bytes([1, 2, 3], "big"), int.from_bytes(bytearray(b"\x00\x10"), "little"))
print(int.from_bytes(range(4), "little"), int.from_bytes((1).to_bytes(16, "big"), "big"))
n = 123456789012345678901234567890
print(int.from_bytes(n.to_bytes(13, "big"), "big") == n, bool.from_bytes(b"\x01", "big"))
for args, kw in [((1, "big"), {}), ((1, "middle"), {}), ((1, "big"), {"signed": False})]:
    try:
        print((300).to_bytes(*args, **kw))
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
for v in (-1, 128):
    try:
        print(v.to_bytes(1, "big"), v.to_bytes(1, "big", signed=True))
    except OverflowError as e:
        print(type(e).__name__, e)
