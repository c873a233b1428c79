# re: compile flags, pattern errors, purge, bytes patterns and lookbehind rules
import re

for bad in ["(", "[a-", "a**", "(?P<n>x)(?P<n>y)", "\\", "(?<=a+)b", "x{2,1}"]:
    try:
        re.compile(bad)
        print("ok", bad)
    except re.error as e:
        print(type(e).__name__, e.msg, e.pos)
p = re.compile(r"ab+", re.IGNORECASE | re.MULTILINE)
print(p.flags & re.I != 0, p.flags & re.M != 0, p.pattern, p.match("ABBB").group())
print(re.compile(rb"\d+").findall(b"a1b22"), re.sub(rb"-", b"+", b"1-2"))
try:
    re.search(r"\d", b"123")
except TypeError as e:
    print(type(e).__name__, e)
print(re.compile("abc") == re.compile("abc"), re.I == re.IGNORECASE, re.A.name if hasattr(re.A, "name") else "")
print(re.search(r"[\u0400-\u04FF]+", "hi Привет!").group(), re.search(r"\d+", "٣٤٥ 12").group())
print(re.search(r"(?a)\w+", "naïve").group(), re.findall(r"[^\W\d_]+", "ab1_cd é"))
print(re.match(r"(a|ab)(c|bcd)(d*)", "abcd").groups(), re.match(r"a{2,3}?", "aaaa").group())
print(re.search(r"(?s:.)+", "x\ny").group() == "x\ny", re.fullmatch(r"(?:ab)+", "ababab") is not None)
print(re.compile(r"\d").sub("#", "a1b2", 1))
re.compile("(unclosed")
