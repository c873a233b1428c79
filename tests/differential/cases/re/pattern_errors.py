# re.error for bad patterns: message, pos, and that re.error is an Exception subclass
import re
bad = ["(abc", "abc)", "[a-", "*a", "a{2,1}", "(?P<1>x)", "(?P<n>a)(?P<n>b)", "\\", r"(?<=a+)b",
       "[z-a]", r"\1(a)", "(?P=missing)", "a**", r"\k", "(?Q)"]
for pat in bad:
    try:
        re.compile(pat)
        print("compiled", repr(pat))
    except re.error as e:
        print(repr(pat), "->", e, "| pos", e.pos)
print(issubclass(re.error, Exception), re.error.__name__)
try:
    re.compile("[")
except Exception as e:
    print(type(e).__name__, e.msg, e.pattern, e.lineno, e.colno)
re.compile("a(b")
