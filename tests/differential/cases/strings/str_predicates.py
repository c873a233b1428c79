# is* predicates: alpha, digit, decimal, numeric, alnum, space, identifier, printable, ascii
samples = ["abc", "ABC1", "123", "١٢٣", "²", "½", "Ⅷ", "", " ", "\t\n", "a b", "é", "日本", "_x1", "1x", "class",
           "\u00a0", "\x1f", "😀", "x\u0301", "Ǆ", "ǅ"]
for s in samples:
    flags = [s.isalpha(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalnum(), s.isspace(),
             s.isidentifier(), s.isprintable(), s.isascii(), s.islower(), s.isupper(), s.istitle()]
    print(repr(s), "".join("1" if f else "." for f in flags))
print("".isascii(), "\x7f".isascii(), "\x80".isascii(), "αβγ".isidentifier(), "a-b".isidentifier(), "x²".isidentifier())
print(all(c.isdigit() for c in "0123456789"), sum(c.isupper() for c in "Hello World ABC"), "  ".isspace(), "\u2028".isspace())
