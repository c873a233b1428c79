# str.encode / bytes.decode with utf-8 and ascii and every standard error handler
s = "café ñ 日本 😀"
print(s.encode(), s.encode("utf-8"), s.encode("ascii", "ignore"), s.encode("ascii", "replace"))
print(s.encode("ascii", "xmlcharrefreplace"), s.encode("ascii", "backslashreplace"), s.encode("ascii", "namereplace"))
b = "café".encode()
print(b.decode(), b.decode("ascii", "ignore"), b.decode("ascii", "replace"), b.decode("ascii", "backslashreplace"))
bad = b"abc\xff\xfedef\xc3"
print(bad.decode("utf-8", "replace"), bad.decode("utf-8", "ignore"), repr(bad.decode("utf-8", "surrogateescape")))
print(repr(bad.decode("utf-8", "backslashreplace")), b"\xed\xa0\x80".decode("utf-8", "replace"), b"\xf4\x90\x80\x80".decode("utf-8", "replace"))
print(repr("\udcff".encode("utf-8", "surrogateescape")), repr("\ud800".encode("utf-8", "surrogatepass")), b"\xe6\x97\xa5".decode())
print(str(b"\xc3\xa9", "utf-8"), str(b"x\xffy", "ascii", "replace"), str(b"abc", errors="strict"), bytes([0xf0, 0x9f, 0x98, 0x80]).decode())
print(bytearray("ñ", "utf-8"), bytes("日", encoding="utf-8"), "€".encode().hex(), len("😀".encode()))
for op in (lambda: "é".encode("ascii"), lambda: b"\xff".decode("utf-8"), lambda: b"\xc3".decode(), lambda: "x".encode("no-such-codec"),
           lambda: b"a\x80".decode("ascii"), lambda: "\ud800".encode(), lambda: "x".encode("ascii", "bogus"),
           lambda: "é".encode("ascii", "bogus"), lambda: "x".encode(5), lambda: bytes("x"), lambda: str(b"x", 5)):
    try:
        print(op())
    except (UnicodeError, LookupError, TypeError) as e:
        print(type(e).__name__, e)
try:
    b"ab\x80\x81cd".decode("utf-8")
except UnicodeDecodeError as e:
    print(e.encoding, e.start, e.end, e.reason, e.object)
try:
    "ab日本".encode("ascii")
except UnicodeEncodeError as e:
    print(e.encoding, e.start, e.end, e.reason, e.object, e)
print("é".encode("utf_8"), "x".encode("UTF8"), "é".encode(encoding="U8"), "a".encode("US-ASCII"), "é".encode(errors="strict"))

