# bytes split, join, strip, partition and related methods
b = b"  alpha,beta,,gamma  "
print(b.strip(), b.lstrip(), b.rstrip(), b.strip(b" a"))
print(b.strip().split(b","), b.split(b",", 1), b.rsplit(b",", 1))
print(b"a b  c\n d".split(), b"".split(), b"".split(b","))
print(b"-".join([b"a", b"bc", b""]), b"".join([]))
print(b", ".join([bytearray(b"x"), b"y", memoryview(b"z")]))
try:
    b"-".join([b"a", "b"])
except TypeError as e:
    print(type(e).__name__, e)
print(b"key=value=x".partition(b"="), b"key".partition(b"="))
print(b"key=value=x".rpartition(b"="), b"key".rpartition(b"="))
print(b"line1\nline2\r\nline3".splitlines(), b"a\nb\n".splitlines(keepends=True))
print(b"hello".startswith(b"he"), b"hello".endswith((b"x", b"lo")), b"hello".startswith(b"l", 2))
print(b"abcabc".removeprefix(b"ab"), b"abcabc".removesuffix(b"bc"), b"abc".removeprefix(b"z"))
print(b"12".zfill(5), b"-3".zfill(4), b"ab".center(6, b"*"), b"ab".ljust(4), b"ab".rjust(4, b"0"))
print(b"a\tb".expandtabs(4), b"x".center(4))
try:
    b"abc".split("b")
except TypeError as e:
    print(type(e).__name__, e)
