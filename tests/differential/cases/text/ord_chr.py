# Checks ord() and chr() across ASCII, BMP, astral planes and their errors
for c in ["A", "a", "0", " ", "\n", "é", "€", "日", "\U0001f600", "\U0010ffff", "\x00"]:
    print(repr(c), ord(c), hex(ord(c)), chr(ord(c)) == c)
print(chr(65), chr(0x263A), chr(0x1F40D), repr(chr(0)), repr(chr(127)), repr(chr(0xD800)), chr(1114111) == "\U0010ffff")
print("".join(chr(ord(c) + 1) for c in "HAL"), [ord(c) for c in "héllo"], sum(map(ord, "abc")))
print(ord(b"a"), ord(bytearray(b"z")), chr(True))
for bad in [lambda: ord(""), lambda: ord("ab"), lambda: chr(-1), lambda: chr(0x110000), lambda: chr(65.0),
            lambda: ord(65), lambda: chr("A")]:
    try:
        bad()
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
