# strip/lstrip/rstrip with default whitespace, explicit char sets, and removeprefix/removesuffix
s = " \t\n  hello world \r\n\x0b\x0c "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "xyhiyx".strip("xy"), "www.example.com".strip("cmowz."), "abc".strip(""))
print("0012300".lstrip("0"), "0012300".rstrip("0"), "   ".strip(), "".strip(), "aaa".strip("a"))
print(repr("\u00a0nbsp\u2009\u3000".strip()), repr("\u200bzero-width\u200b".strip()), "«x»".strip("«»"))
print("éléphant".lstrip("é"), "data.txt.bak".rstrip(".bak"), "data.txt.bak".removesuffix(".bak"))
print("prefix_name".removeprefix("prefix_"), "name".removeprefix("prefix_"), "".removesuffix(""), "ab".removeprefix(""))
lines = ["  a  ", "b\n", "\tc"]
print([l.strip() for l in lines], " | ".join(map(str.strip, lines)))
for arg in (5, ["x"]):
    try:
        print("abc".strip(arg))
    except TypeError as e:
        print(type(e).__name__, e)
try:
    "abc".removeprefix(None)
except TypeError as e:
    print(type(e).__name__, e)
