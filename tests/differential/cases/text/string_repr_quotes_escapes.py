# Checks repr() of strings with quotes, escapes, control chars and unicode
for s in ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "nl\n", "cr\r", "\x00\x07\x1b\x7f",
          "back\\slash", "é", "日本語", "\u200b", "\u00a0", "\u2028", "\ud800" if False else "\U0001f600",
          "\x80\x9f", "\xa0\xad", "\ufeff", "\U000e0001", "'", '"', "", "\\n", "\u0301a"]:
    print(repr(s), len(repr(s)))
print(repr(["it's", 'q"', "\n"]), repr(("é",)), repr({"k'": "v\t"}))
print(str("a\tb"), "%r" % "x'y", "{!r}".format('x"y'), f"{'é'!r}")
print(repr("\x01\x02\x10\x1f"), repr("\u0085\u061c\u2066"), repr("\U0010ffff"), repr("\uffff"))
