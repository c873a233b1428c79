# named groups, groupdict, non-capturing groups, backreferences inside patterns, alternation
import re
log = "2024-03-15 ERROR disk full"
m = re.match(r"(?P<date>(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)) (?P<level>\w+) (?P<msg>.*)", log)
print(m.groupdict())
print(m.group("level"), m.group("y", "d"), m.lastgroup, m.span("msg"))
print(re.match(r"(?P<a>x)?(?P<b>y)", "y").groupdict(), re.match(r"(?P<a>x)?(?P<b>y)", "y").groupdict("none"))
print(re.search(r"(\w)\1", "abccde").group(), re.search(r"(?P<q>['\"]).*?(?P=q)", "say 'hi' now").group())
print(re.findall(r"(?:ab)+(c)", "ababc abc"))
print(re.match(r"((a)(b(c)))", "abc").groups())
p = re.compile(r"(?P<key>\w+)=(?P<val>\w+)")
print(p.groupindex == {"key": 1, "val": 2}, p.groups, [m.groupdict() for m in p.finditer("a=1 b=2")])
print(re.match(r"(a)|(b)", "b").groups(), re.match(r"(a)|(b)", "b").lastindex)
print(re.match(r"(?P<n>\d)+", "123").group("n"))
try:
    m.group("nosuch")
except IndexError as e:
    print(type(e).__name__, e)
try:
    m.group(10)
except IndexError as e:
    print(type(e).__name__, e)
