# a regex-based tokenizer (as in the re docs) using named groups, lastgroup, finditer and VERBOSE
import re
token_spec = [
    ("NUMBER", r"\d+(\.\d*)?"),
    ("ASSIGN", r":="),
    ("END", r";"),
    ("ID", r"[A-Za-z_]\w*"),
    ("OP", r"[+\-*/]"),
    ("NEWLINE", r"\n"),
    ("SKIP", r"[ \t]+"),
    ("MISMATCH", r"."),
]
tok_regex = "|".join("(?P<%s>%s)" % pair for pair in token_spec)
code = "total := price * 1.5 + tax;\nif x $ 3;"
line = 1
for mo in re.finditer(tok_regex, code):
    kind, value = mo.lastgroup, mo.group()
    if kind == "NEWLINE":
        line += 1
        continue
    if kind == "SKIP":
        continue
    print(line, kind, repr(value), mo.start() - (0 if line == 1 else code.index("\n") + 1))
date_re = re.compile(r"""
    (?P<year>\d{4}) - (?P<month>0[1-9]|1[0-2]) - (?P<day>\d{2})   # ISO date
""", re.X)
print([m.groupdict() for m in date_re.finditer("on 2023-01-31 and 2024-13-01, 1999-12-25")])
print(date_re.sub(lambda m: "{day}/{month}/{year}".format(**m.groupdict()), "due 2024-02-29"))
