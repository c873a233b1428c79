# Checks ascii() on strings, containers and custom reprs with non-ASCII characters
for s in ["abc", "é", "日本", "\U0001f600", "\x7f", "\xff", "\u0100", "'\"", "\t\n", "\U0010ffff"]:
    print(ascii(s), repr(s).isascii(), ascii(s).isascii())
print(ascii(["ñ", 1, None]), ascii({"ü": "ö"}), ascii(("ß",)), ascii(1.5), ascii(b"\xff"))
class R:
    def __repr__(self):
        return "Ré€"
print(ascii(R()), ascii([R()]), "%a" % R(), f"{R()!a}", "{!a}".format(R()))
print(ascii(""), ascii("ascii only"), len(ascii("€")), ascii("€")[1:-1])
