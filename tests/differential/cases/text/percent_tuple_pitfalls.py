# Checks %-formatting pitfalls: tuple arguments, single values, lists, bytes and %r of nested
t = (1, 2)
try:
    print("value: %s" % t)
except TypeError as e:
    print(type(e).__name__, e)
print("value: %s" % (t,), "value: %s" % [1, 2], "value: %r" % ({"a": (1, 2)},))
print("%s-%s" % tuple("ab"), "%s" % "solo", "%d items" % len([1, 2, 3]), "%s" % {"k": "v"})
print("%5s|%-5s|%05d|%x" % ("ab", "cd", -12, 255), "%s" % b"bytes", "%r" % b"\x00")
print("%(a)s %(b)s" % {"a": [1], "b": (2,)}, "%(a)r" % {"a": "q"}, "%%(a)s" % ())
print("%.3s|%.10s|%-6.2s|" % ("abcdef", "ab", "xyz"), "%s %s" % ("é", "ü"))
print("%i %u %d" % (1, 2, -3), "%3c|" % 65, "%s" % 0.1, "%r" % 0.1, "%s" % (1e16,))
try:
    print("%s %s" % "ab")
except TypeError as e:
    print(type(e).__name__, e)
print("a" "%s" % "b", ("%s" % "x") * 2, "%s" * 3 % (1, 2, 3))
