# printf-style % formatting: conversions, flags, width/precision, *, mapping keys, errors
print("%s %r %a" % ("café", "café", "café"), "%d %i %u" % (42, -7, 3), "%5.1f|%-8.3e|%g" % (3.14159, 1234.5, 0.00001))
print("%x %X %o %#x %#o %#X" % (255, 255, 8, 255, 8, 255), "%c%c" % (65, "é"), "%%", "%5s|%-5s|" % ("ab", "cd"))
print("%05d|%+d|% d|%-6d|%06.2f|%+.3d" % (42, 42, 42, 42, 3.14159, 7), "%.3s" % "abcdef", "%10.2s|" % "xyz")
print("%*d|%-*d|%.*f" % (5, 1, 4, 2, 2, 3.14159), "%(name)s is %(age)d" % {"name": "Ann", "age": 30})
print("%(x)s %(x)r" % {"x": "y"}, "%s" % (1, ), "%s" % [1, 2], "%s" % ((1, 2),), "%d%%" % 50)
print("%d" % 3.99, "%d" % True, "%s" % None, "%f" % 1, "%e" % 10 ** 20, "%x" % -255, "%.0f" % 2.5, "%.0f" % 3.5)
print("%d" % 10 ** 30, "%.2f" % 1e20, "%g" % 1e100, "%r" % b"x", "%s" % b"x", "%i" % -0.5, "%5.2%" if False else "ok")
class P:
    def __str__(self): return "S"
    def __repr__(self): return "R"
print("%s %r %a" % (P(), P(), P()), "%-4s|" % P(), "{%s}" % {"k": 1})
for fmt, args in [("%d", "x"), ("%s %s", ("a",)), ("%s", ("a", "b")), ("%z", 1), ("%(k)s", ("a",)), ("%c", 1114112),
                  ("%c", "ab"), ("%x", 1.5), ("%d", None), ("%", ())]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(type(e).__name__, e)
