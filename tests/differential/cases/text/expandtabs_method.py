# Checks str.expandtabs with default and custom tab sizes, newlines resetting columns
s = "a\tbc\tdef\tg"
print(repr(s.expandtabs()), repr(s.expandtabs(4)), repr(s.expandtabs(1)), repr(s.expandtabs(0)))
print(repr("\t".expandtabs()), repr("12345678\t9".expandtabs()), repr("x\ty\nab\tc".expandtabs(4)))
print(repr("a\tb\r\tc".expandtabs(3)), repr("".expandtabs(4)), repr("no tabs".expandtabs(2)))
print(repr("é\tü\t".expandtabs(4)), repr("\t\t".expandtabs(-1)), repr("ab\t".expandtabs(tabsize=5)))
rows = ["id\tname\tscore", "1\talice\t90", "22\tbob\t7"]
for r in rows:
    print(r.expandtabs(8) + "|")
try:
    "a\tb".expandtabs("4")
except TypeError as e:
    print(type(e).__name__, e)
