# ord() and chr() over the whole code point range, with bytes input and error cases
print(ord("A"), ord("a"), ord("0"), ord(" "), ord("\n"), ord("é"), ord("€"), ord("日"), ord("😀"), ord("\U0010ffff"))
print(chr(65), chr(97), chr(0x20ac), chr(0x65e5), chr(0x1f600), repr(chr(0)), repr(chr(0x10ffff)), repr(chr(0xd800)))
print(ord(b"A"), ord(bytearray(b"\xff")), [chr(c) for c in range(0x3b1, 0x3b6)], chr(True))
print("".join(chr(ord(c) + 1) for c in "HAL"), [ord(c) - ord("a") for c in "hello"])
print(all(ord(chr(i)) == i for i in range(0, 0x110000, 997)), chr(ord("a") ^ 32), chr(0x41).lower())
caesar = "".join(chr((ord(c) - 97 + 3) % 26 + 97) if c.isalpha() else c for c in "xyz abc")
print(caesar, hex(ord("ß")), f"U+{ord('😀'):04X}", "\\u%04x" % ord("é"))
class Idx:
    def __index__(self):
        return 0x263a
for op in (lambda: ord("ab"), lambda: ord(""), lambda: ord(65), lambda: chr(-1), lambda: chr(0x110000),
           lambda: chr("a"), lambda: chr(65.0), lambda: ord(b"ab"), lambda: chr(2 ** 100)):
    try:
        print(op())
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(chr(Idx()))
