# Checks str.encode/bytes.decode with utf-8, ascii, latin-1 and strict/ignore/replace/backslashreplace
s = "naïve café €5 日本 \U0001f600"
print(s.encode(), s.encode("utf-8"), len(s), len(s.encode()))
for enc in ["ascii", "latin-1"]:
    for err in ["ignore", "replace", "backslashreplace", "xmlcharrefreplace"]:
        print(enc, err, s.encode(enc, errors=err))
    try:
        s.encode(enc)
    except UnicodeEncodeError as e:
        print(type(e).__name__, e)
raw = b"ok \xff\xfe caf\xc3\xa9 \xe2\x82"
for err in ["ignore", "replace", "backslashreplace"]:
    print(err, repr(raw.decode("utf-8", err)), repr(raw.decode("ascii", errors=err)))
try:
    raw.decode("utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
try:
    raw.decode("ascii")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
print(raw.decode("latin-1"), "é".encode("latin-1"), b"\xe9".decode("latin1"), "x".encode("UTF8"))
print(str(b"caf\xc3\xa9", "utf-8"), str(b"\xff", "utf-8", "replace"), bytes("é", "utf-8"))
try:
    "x".encode("no-such-codec")
except LookupError as e:
    print(type(e).__name__, e)
