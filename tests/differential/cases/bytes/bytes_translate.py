# bytes.maketrans and translate with delete, None table, and bytearray; plus isascii/decode pipelines
t = bytes.maketrans(b"abc", b"xyz")
print(len(t), t[97:100], b"aabbcc".translate(t), b"abcdef".translate(None, b"ace"), b"hello".translate(t, b"l"))
print(bytearray(b"abc").translate(t), bytearray.maketrans(b"a", b"A") == bytes.maketrans(b"a", b"A"))
upper = bytes.maketrans(bytes(range(97, 123)), bytes(range(65, 91)))
print(b"Hello, World!".translate(upper), b"x".translate(upper, b"x"), b"".translate(upper))
strip_digits = b"a1b2c3".translate(None, b"0123456789")
print(strip_digits, strip_digits.decode().upper(), b"tab\tsep".translate(None, b"\t"))
for op in (lambda: bytes.maketrans(b"ab", b"a"), lambda: b"x".translate(b"short"), lambda: bytes.maketrans("a", "b"),
           lambda: b"x".translate(None, "x")):
    try:
        print(op())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
