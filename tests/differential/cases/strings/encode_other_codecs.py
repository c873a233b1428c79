# encoding and decoding with latin-1, cp1252, utf-16 and utf-32 codecs (BOMs, byte orders, errors)
print("naïve".encode("latin-1"), "naïve".encode("iso-8859-1"), "naïve".encode("latin1"), b"\xe9t\xe9".decode("latin-1"))
print("€".encode("cp1252"), b"\x80\x93".decode("cp1252"), "café".encode("cp1252"), "日本".encode("latin-1", "replace"))
print("A".encode("utf-16-le"), "A".encode("utf-16-be"), "😀".encode("utf-16-be"), len("😀".encode("utf-16-le")))
print("hi".encode("utf-16"), "hi".encode("utf-32-le"), "hi".encode("utf-32")[:4], b"\xff\xfeh\x00".decode("utf-16"))
print(b"\x00h\x00i".decode("utf-16-be"), b"\x3d\xd8\x00\xde".decode("utf-16-le"), bytes(range(256)).decode("latin-1") == "".join(map(chr, range(256))))
for op in (lambda: "日".encode("latin-1"), lambda: b"\x81".decode("cp1252"), lambda: b"\x00".decode("utf-16"),
           lambda: b"\x00\xd8".decode("utf-16-le")):
    try:
        print(op())
    except UnicodeError as e:
        print(type(e).__name__, e)
