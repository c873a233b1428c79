# repr() of strings: quote choice, control chars, backslashes, non-printables, unicode
for s in ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "nl\nx", "cr\r", "back\\slash",
          "\x00\x07\x08\x0b\x0c\x1b\x7f", "\x80\x9f\xa0\xad", "é日😀", "\u200b\u2028\ufeff", "\ud800", "\U000e0001",
          "\U0010ffff", "", "'", '"', "\\n"]:
    print(repr(s), ascii(s), len(repr(s)))
print(repr(["a'b", 'c"d']), str(["x\ny"]), repr(("é",)), repr({"k\t": "v\\"}))
print("%r" % "a\tb", "{!r}".format("c\x01d"), f"{'e' + chr(27)!r}")
print(repr("a" * 3 + "\u0301"), repr(chr(0x300)), repr(chr(0xe000)), repr(chr(0x1f1e6)))
print("\a\b\f\v".encode(), "\101\x42\u0043\U00000044\N{LATIN SMALL LETTER E}", "\
continued")
print(r"raw\n\t", len(r"\n"), rb"\x00", "\1\12\123", "\o" if False else "ok")
