# Checks lone surrogates with utf-8 error handlers and utf-8-sig / utf-16 / utf-32 codecs
s = "a\ud800b"
print(repr(s), len(s), s.isprintable())
try:
    s.encode("utf-8")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
print(s.encode("utf-8", "surrogatepass"), s.encode("utf-8", "replace"), s.encode("utf-8", "ignore"))
print(s.encode("utf-8", "backslashreplace"), b"a\xed\xa0\x80b".decode("utf-8", "surrogatepass") == s)
raw = b"caf\xe9"
u = raw.decode("utf-8", "surrogateescape")
print(repr(u), u.encode("utf-8", "surrogateescape") == raw)
print("é".encode("utf-8-sig"), b"\xef\xbb\xbf\xc3\xa9".decode("utf-8-sig"), b"\xc3\xa9".decode("utf-8-sig"))
print("hé".encode("utf-16-le"), "hé".encode("utf-16-be"), len("hé".encode("utf-16")), "hé".encode("utf-32-le"))
print(b"h\x00\xe9\x00".decode("utf-16-le"), "😀".encode("utf-16-le"), b"\x3d\xd8\x00\xde".decode("utf-16-le"))
try:
    b"\xc3".decode("utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, e, e.start, e.end, e.reason)
