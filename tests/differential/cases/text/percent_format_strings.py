# Checks %-formatting of strings: %s %r %a, widths, precision, dict keys, tuples and errors
print("%s|%10s|%-10s|%.2s|%5.1s|" % ("abc", "abc", "abc", "abc", "abc"))
print("%r %a %s" % ("é'\"", "é\n", ["x", 1]))
print("%s" % ("one",), "%s" % [1, 2], "%s %s" % ("a", "b"), "%s" % None, "%s" % ((1, 2),))
print("%(name)s is %(age)d years, %(name)r" % {"name": "Zoë", "age": 7})
print("%(x)s %%" % {"x": 1}, "100%%" % (), "%c" % "ß", "%-5c|" % "x", "%*s|%-*s|" % (5, "a", 4, "b"))
print("%s" % "", "%5s|" % "", "%.0s|" % "gone", "%(a)s%(a)s" % {"a": "-"})
class Obj:
    def __str__(self):
        return "STR"
    def __repr__(self):
        return "REPR"
print("%s %r %a" % (Obj(), Obj(), Obj()), "%s" % Obj())
for fmt, args in [("%s %s", ("a",)), ("%s", ("a", "b")), ("%(k)s", {"j": 1}), ("%(k)s", ("a",)),
                  ("%c", "ab"), ("%q", "x"), ("%", ()), ("%s %(a)s", {"a": 1})]:
    try:
        print(repr(fmt % args))
    except (TypeError, KeyError, ValueError) as e:
        print(type(e).__name__, e)
