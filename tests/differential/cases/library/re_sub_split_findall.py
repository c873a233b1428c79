# re: sub with strings/functions/backrefs, subn, split, findall, finditer, escape
import re

print(re.sub(r"\s+", " ", "a   b \t\n c"), re.sub(r"(\w+)@(\w+)", r"\2 at \1", "me@home you@work"))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "3 apples and 12 pears"))
print(re.sub(r"(?P<w>\w+)", r"<\g<w>>", "hi there"), re.sub("a", "b", "aaaa", count=2))
print(re.subn(r"o", "0", "foo boo"), re.sub(r"x*", "-", "abc"))
print(re.split(r"[,;]\s*", "a, b;c,  d"), re.split(r"(,)", "1,2,3"), re.split(r"\s", "a b c", maxsplit=1))
print(re.split(r"x*", "axbc"), re.split(r"\d", ""))
print(re.findall(r"\d+", "r2d2 c3po 1000"), re.findall(r"(\w)=(\d)", "a=1 b=2 c"), re.findall(r"z", "abc"))
print([(m.group(), m.start()) for m in re.finditer(r"[A-Z]\w*", "Alice met Bob in Paris")])
print(re.escape("1+1=2? (yes) [a-z] $5.00"), re.escape("plain_text"))
pat = re.compile(r"(?P<k>\w+):(?P<v>\d+)")
print(pat.sub(r"\g<v>=\g<k>", "x:1 y:22"), pat.groups, sorted(pat.groupindex.items()))
print(re.sub(r"(a)|b", lambda m: m.group(1) or "B", "abab"))
print(re.sub(r"\n", r"\\n", "l1\nl2"), re.sub(r"^", "> ", "q1\nq2", flags=re.M))
