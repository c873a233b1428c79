# bytes methods: split/strip/replace/find/count/join/partition/startswith, with bytes-like args
b = b"  hello, world, bytes  "
print(b.split(), b.split(b","), b.strip(), b.lstrip(), b.rstrip(b" s"), b.split(b",", 1), b.rsplit(b",", 1))
print(b.find(b"o"), b.rfind(b"o"), b.find(111), b.index(b"w"), b.count(b"l"), b.count(108), b.find(b"zz"))
print(b.replace(b"l", b"L"), b.replace(b"l", b"", 2), b"-".join([b"a", b"b", bytearray(b"c")]), b"".join([]))
print(b.partition(b","), b.rpartition(b","), b"abc".partition(b"x"), b.startswith(b"  h"), b.endswith((b"x", b"  ")))
print(b"a,b;c".split(b";"), b"abc".removeprefix(b"a"), b"abc".removesuffix(b"c"), b"x\ty".expandtabs(4))
print(b"ab".center(6, b"*"), b"ab".ljust(4, b"."), b"ab".rjust(4), b"42".zfill(5), b"-3".zfill(4))
print(b"Hello World".swapcase(), b"hello world".title(), b"hELLO".capitalize(), b"ABC".lower(), b"abc\xe9".upper())
print(b"abc".isalpha(), b"abc1".isalnum(), b"123".isdigit(), b" \t".isspace(), b"Ab".istitle(), b"\xe9".isalpha(), b"".isascii())
print(b"line1\nline2\r\n".splitlines(), b"a\x00b".split(b"\x00"), b"abc".find(b""), b"xyz" in b"wxyz", 120 in b"xyz")
print(bytearray(b"abc").replace(b"b", b"B"), bytearray(b" x ").strip(), type(bytearray(b"a").upper()).__name__)
print(b"abc".find(b"c", -1), b"abcabc".index(b"b", 2), b"aaa".count(b"a", 1), b"ab".startswith(b"b", 1))
for op in (lambda: b.split(""), lambda: b.find("o"), lambda: b"a".join(["b"]), lambda: b.index(b"zz"), lambda: b"x".strip("x"),
           lambda: b.count(256), lambda: b"ab".center(5, b"**")):
    try:
        print(op())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
