# bytes find/index/count/replace, case methods and is* predicates
b = b"Hello, World! hello"
print(b.find(b"o"), b.rfind(b"o"), b.find(b"zz"), b.find(111), b.index(b"W"))
print(b.count(b"l"), b.count(b"l", 5), b.count(b""), b.replace(b"l", b"L", 2))
try:
    b.index(b"q")
except ValueError as e:
    print(type(e).__name__, e)
print(b.upper(), b.lower(), b.swapcase(), b.title(), b"hELLO wORLD".capitalize())
print(b"abc".isalpha(), b"abc1".isalnum(), b"123".isdigit(), b" \t".isspace(), b"".isalpha())
print(b"ABC".isupper(), b"abc".islower(), b"Title Case".istitle(), b"abc".isascii(), b"\xff".isascii())
print(b"caf\xc3\xa9".decode(), "café".encode(), "café".encode("latin-1"))
print(b"\xff".decode("utf-8", "replace"), b"abc\xff".decode("ascii", "ignore"))
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
table = bytes.maketrans(b"abc", b"xyz")
print(b"aabbcc".translate(table), b"hello".translate(None, b"l"))
print(b"abc" + b"def", b"ab" * 3, b"b" in b"abc", 98 in b"abc", b"" in b"x")
print(b"abc"[0], b"abc"[-1:], list(b"hi"), bytes(3), bytes([65, 66]), bytes(range(3)))
try:
    bytes([256])
except ValueError as e:
    print(type(e).__name__, e)
print(b"abc" < b"abd", b"ab" < b"abc", b"a" == bytearray(b"a"), b"\x00\x7f\x80\n\t'\"")
