# re.sub / subn: count, backreferences, named references, function replacements, escapes
import re
print(re.sub(r"\s+", " ", "a   b \t\n c"))
print(re.sub(r"a", "o", "banana", count=2))
print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "joe@home ann@work"))
print(re.sub(r"(?P<first>\w+) (?P<last>\w+)", r"\g<last>, \g<first>", "Ada Lovelace"))
print(re.sub(r"(\d)", r"<\g<1>0>", "a1b2"))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "3 apples and 10 pears"))
print(re.sub(r"[aeiou]", lambda m: m.group().upper(), "programming"))
print(re.subn(r"o", "0", "foo boo"), re.subn(r"z", "-", "abc"))
print(re.sub(r"x*", "-", "abc"))
print(re.sub(r"^", "> ", "line1\nline2", flags=re.M))
print(re.sub(r"a", r"\n", "bab") == "b\nb", re.sub("a", "\\\\", "a"))
print(re.compile(r"(\w)(\w)").sub(r"\2\1", "abcdef"), re.compile("b").subn("B", "abcb", 1))
print(re.sub(r"(a)|b", r"[\1]", "ab"))
for bad in [r"\3", r"\g<name>", "\\"]:
    try:
        re.sub(r"(a)", bad, "a")
    except (re.error, IndexError) as e:
        print(type(e).__name__, e)
