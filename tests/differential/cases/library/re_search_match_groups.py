# re: search/match/fullmatch, groups, named groups, flags
import re

m = re.search(r"(\d{4})-(\d{2})-(\d{2})", "Due: 2023-07-14 noon")
print(m.group(0), m.groups(), m.group(1, 3), m.start(), m.end(), m.span(2))
print(re.match(r"\w+", "hello world").group(), re.match(r"world", "hello world"))
print(bool(re.fullmatch(r"[a-z]+\d?", "abc1")), re.fullmatch(r"[a-z]+", "abc1"))
m = re.match(r"(?P<user>[\w.]+)@(?P<host>[\w.]+)", "jane.doe@example.com")
print(m["user"], m.group("host"), m.groupdict(), m.lastgroup)
print(re.search(r"(a)(b)?", "ac").groups(), re.search(r"(a)(b)?", "ac").groups("-"))
print(re.findall(r"^\w", "one\ntwo\nthree", re.M), re.findall(r"a.c", "a\nc abc", re.S))
print(re.search(r"HELLO", "say hello", re.I).group(), re.search(r"""\d+ # digits
    \s* kg""", "weighs 12 kg", re.X).group())
print(re.search(r"(?i)straße", "STRASSE"), re.search(r"é+", "caféé").group(), re.search(r"\w+", "naïve").group())
print(re.match(r"(\w)\1", "aab").group(), re.search(r"(?<=\$)\d+", "cost $45").group(), re.search(r"foo(?!bar)", "foobar foobaz").start())
print(repr(re.match(r"x*", "yyy").group()), re.search(r"\bcat\b", "concat cat").start())
m = re.compile(r"(\d+)").search("ab 42 cd", 1)
print(m.re.pattern, m.string, m.pos, repr(m)[:30])
