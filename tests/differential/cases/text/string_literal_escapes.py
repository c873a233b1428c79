# Checks string literal escapes: \x \u \U \N octal, raw strings, implicit concatenation, continuation
print("\x41\x42", "\101\102\7" == "AB\a", "\u00e9\u20ac", "\U0001F600", "\N{GREEK SMALL LETTER ALPHA}", "\N{BULLET}")
print(len("\n\t\\"), len(r"\n\t\\"), r"C:\new\table", r"raw \"quote\"", len("\0"), "\1" == chr(1))
s = ("implicit "
     "concatenation "
     'mixed' """ quotes""")
print(s, "abc" "def", "line \
continued")
print("""triple "double" and 'single'""", '''it's ''' + """x""")
print("a\
b", len("""
"""), repr("""a
b"""))
print("\N{LATIN SMALL LETTER E WITH ACUTE}" == "é", "\N{EM DASH}", "\N{SNOWMAN}", repr("\N{NO-BREAK SPACE}"))
print(repr("\v\f\b\r"), repr("\777"[0] if False else "\177"), "\x7e", r"\u00e9", b"\x41\101")
print("%s" % "\u0041", "tab:\t|", "\\", '\'', "\"")
