# repr/str of bytes and bytearray: printable ASCII, escapes, quotes, and high bytes
for b in [b"plain", b"it's", b'say "hi"', b"both ' \"", b"\t\n\r", b"\x00\x01\x7f", b"\x80\xff", b"\\", b"",
          bytes(range(30, 40)), "é".encode(), bytearray(b"ba'r"), bytearray()]:
    print(repr(b), str(b), len(repr(b)))
print([b"a", bytearray(b"b")], (b"\x00",), {b"k": bytearray(b"v")}, "%r|%s" % (b"x", b"y"), f"{b'z'}", f"{b'z'!r:>8}")
print(ascii(b"\xe9"), format(b"ab"), str(b"abc", "ascii"), repr(memoryview(b"x")).startswith("<memory at 0x"))
print(repr(bytes(range(256)))[:60])
print(repr(bytes(range(256)))[-40:])
