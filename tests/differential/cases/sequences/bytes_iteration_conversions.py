# bytes iteration yields ints; conversions between bytes, str, list and ints
b = b"Hi!"
print([x for x in b], b[0], b[0:1], type(b[0]).__name__, type(b[0:1]).__name__)
print(str(b), repr(b), str(b, "ascii"), bytes("Hi", "utf-8"), b.decode())
print(bytes([104, 105]), bytes(b), bytes(bytearray(b"x")), bytes(memoryview(b"m")))
print(bytes(range(97, 100)), bytes((x for x in [65, 66])), bytes(0))
try:
    bytes("text")
except TypeError as e:
    print(type(e).__name__, e)
try:
    bytes(-1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    bytes(["a"])
except TypeError as e:
    print(type(e).__name__, e)
print(b"\x00\x01\xfe\xff", b"\\n", b"tab\there", bytes([0x7f, 0x80, 0x27]))
print(b"abc" == "abc", b"abc".decode() == "abc", len("é".encode()), len(b"\xc3\xa9".decode()))
print(sorted(b"banana"), max(b"xyz"), sum(b"\x01\x02"), list(reversed(b"ab")))
print(b"a" * 3, bytes(2) + b"z", b"ab".join([b"1", b"2", b"3"]))
print(ord(b"A"), chr(b"A"[0]), bytes([ord("Z")]), b"%b" % b"bb")
print(b"".join(bytes([c]) for c in range(65, 70)))
