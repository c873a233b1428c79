# bytes.hex with separators and bytes_per_sep, fromhex with whitespace, int hex round trips
b = bytes(range(0, 256, 37))
print(b.hex(), b.hex(":"), b.hex("-", 2), b.hex(" ", -2), b.hex(b"_", 3), b"".hex(), b"\x00".hex(":"))
print(bytearray(b"\xde\xad").hex(), memoryview(b"\xbe\xef").hex(), b"abc".hex().upper())
print(bytes.fromhex("deadbeef"), bytes.fromhex("DE AD BE EF"), bytes.fromhex(" 01\t02\n03 "), bytes.fromhex(""))
print(bytearray.fromhex("41 42"), bytes.fromhex(b"ab".hex()), bytes.fromhex("0a0B0c"))
print(bytes.fromhex(b"abc".hex()) == b"abc", int(b"\x01\x00".hex(), 16), format(0xabc, "x"), hex(255), "%02x" % 7)
print("".join(f"{x:02x}" for x in b"hi!"), bytes.fromhex("".join(f"{x:02x}" for x in b"hi!")))
for s in ("abc", "0g", "a b", "0x41", "41 4", " 4 1", 41):
    try:
        print(bytes.fromhex(s))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
for args in (("::",), ("é",), (":", 0)):
    try:
        print(b"\x01\x02".hex(*args))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(b"\xff\x01".hex(sep="|"), b"\x01\x02\x03".hex(sep=" ", bytes_per_sep=2))
