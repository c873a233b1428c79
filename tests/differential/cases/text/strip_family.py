# Checks strip/lstrip/rstrip with default whitespace and explicit character sets
s = " \t\n hello world \r\n\x0b\x0c"
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixyx".strip('x'), "xxhixyx".strip('xy'), "xxhixyx".lstrip('x'), "xxhixyx".rstrip('yx'))
print("www.example.com".strip('cmowz.'), "  ".strip(), "".strip('abc'), "abc".strip(''))
print(repr("\u3000全角\u3000".strip()), repr("\u00a0nbsp\u00a0".strip()), repr("\u200bzw\u200b".strip()))
print("0012300".strip('0'), "--==title==--".strip('-='), "12abc21".strip('0123456789'))
print("#!/bin/sh".lstrip('#!'), "file.txt.bak".rstrip('.bak'), "mississippi".rstrip('ips'))
print("ääbää".strip('ä'), repr("abc".strip(None)))
try:
    "abc".strip(5)
except TypeError as e:
    print(type(e).__name__, e)
