# unicode strings: length by code points, combining marks, escapes, names, comparisons
s = "naïve café 日本語 😀"
print(len(s), s[6:10], s[-1], len("😀"), len("e\u0301"), "e\u0301" == "é", "\u00e9" == "é")
print("\N{GREEK SMALL LETTER ALPHA}", "\u03b1" == "α", "\U0001F600" == "😀", "\x41\101\u0041")
print([c for c in "añ😀"], list(map(ord, "añ😀")), "".join(reversed("añ😀")))
print("é" < "f", "Z" < "a", "é" > "z", sorted("bAaBé"), max("日本語"), min("αβγ"))
print("日本語".encode("utf-8"), len("日本語".encode("utf-8")), len("😀".encode()), "😀".encode("utf-8").decode())
print("ﬁ".isalpha(), "²".isdigit(), "²".isdecimal(), "½".isnumeric(), "٣".isdecimal(), "Ⅻ".isnumeric())
print("\t".isprintable(), "é".isprintable(), "\u200b".isprintable(), "😀".isprintable(), "\xa0".isspace())
print("résumé".upper(), "ÅNGSTRÖM".lower(), "ﬆ".upper(), "ΣΑΣ".lower())
print(str(ascii("café 😀")), repr("café 😀"), ascii("\x00\x7f\x80"))
print("abc" * 2, "é" * 3, "-" * 0, "x" * -1, "日" + "本", "ab" "cd", "%s" % "ñ")
print("x\u0000y".split("\x00"), len("\0"), "\u2028".splitlines(), "a\u2029b".splitlines())
