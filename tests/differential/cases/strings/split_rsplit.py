# str.split and str.rsplit with and without separators and maxsplit
s = "  the quick  brown\tfox\njumps  "
print(s.split(), s.split(" "), s.split(None, 2), s.rsplit(None, 2), s.rsplit(maxsplit=1))
csv = "a,b,,c,"
print(csv.split(","), csv.split(",", 1), csv.rsplit(",", 1), csv.rsplit(",", 2), csv.split(",", 0))
print("".split(), "".split(","), "   ".split(), "   ".split(" "), ",".split(","))
print("a--b--c".split("--"), "a--b--c".rsplit("--", 1), "aaa".split("a"), "aaaa".split("aa"))
print("1 2 3".split(maxsplit=-1), "x y z".rsplit(" ", -1), "k=v=w".split("=", maxsplit=1))
print("héllo wörld ünïcode".split(), "日本語 テキスト".split(" "), "a\u3000b\u2003c\x1cd".split())
print("line1\r\nline2\rline3\n".split("\n"), "a\x0bb\x0cc\x85d".split())
print([w.upper() for w in "one two three".split()], "-".join("2024-01-15".split("-")[::-1]))
for args in [("",), (None, "x"), (1,)]:
    try:
        print("abc".split(*args))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
