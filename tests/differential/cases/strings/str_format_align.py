# str.format and format() on strings: fill, alignment, width, precision, incl. non-ASCII
print("[{:10}]".format("left"), "[{:>10}]".format("right"), "[{:^10}]".format("mid"), "[{:^11}]".format("mid"))
print("[{:*<8}]".format("ab"), "[{:·>8}]".format("ab"), "[{:日^8}]".format("ab"), "[{:\u0301^5}]".format("x"))
print("[{:.3}]".format("abcdef"), "[{:10.3}]".format("abcdef"), "[{:>10.2}]".format("été"), "[{:.0}]".format("x"))
print("[{:6}]".format("日本"), "[{:^7}]".format("ñandú"), "[{:>4}]".format("😀"), "[{:<3}]".format("toolong"))
print("[{:s}]".format("x"), format("abc", "<5"), format("abc"), format("", "^3"), format("é", "-^5"))
print("[{0:{1}^{2}}]".format("c", "#", 9), "[{:{w}.{p}}]".format("abcdef", w=8, p=2))
names = ["Ana", "Björn", "Zoë", "Иван"]
for n in names:
    print(f"|{n:<8}|{n:>8}|{n:^8}|")
print(f"[{'x'!r:>6}]", f"[{'é'!a:^10}]", f"[{'ab'!s:.1}]")
for spec in ("d", "=5", "+5", "05", ",", "#"):
    try:
        print(format("abc", spec))
    except ValueError as e:
        print(type(e).__name__, e)
