# re.compile pattern attributes, re.escape, caching equality, Pattern/Match types
import re
p = re.compile(r"(?P<word>\w+)\s(\d+)", re.IGNORECASE)
print(p.pattern, p.groups, sorted(p.groupindex.items()), bool(p.flags & re.IGNORECASE))
print(repr(p), repr(re.compile("abc")))
m = p.search("x Hello 42")
print(repr(m))
print(re.escape("a.b*c?"), re.escape("1+1=2"), re.escape("hello world_ok"), re.escape("tab\there"))
print(re.escape("[x]{y}(z)|^$\\"), re.findall(re.escape("a.b"), "a.b axb"))
print(re.compile("a") == re.compile("a"), isinstance(p, re.Pattern), isinstance(m, re.Match))
bp = re.compile(rb"\d+")
print(bp.findall(b"a12b345"), bp.pattern, re.sub(rb"a", b"o", b"banana"))
print(p.split("foo 1 bar 2 baz", maxsplit=1), p.fullmatch("abc 123").group("word"))
print(re.purge() is None, re.compile(p) is p)
try:
    re.compile(p, re.I)
except ValueError as e:
    print(type(e).__name__, e)
try:
    re.search(r"\d", b"123")
except TypeError as e:
    print(type(e).__name__, e)
