# printf-style % formatting on bytes and bytearray: %s %b %d %x %c %r %a, padding and errors
print(b"%s and %s" % (b"spam", bytearray(b"eggs")), b"%b" % b"x", b"%d|%5d|%-5d|%05d" % (1, 2, 3, 4))
print(b"%x %X %o %#x %c %c" % (255, 255, 8, 255, 65, b"B"), b"%.2f %e %g" % (3.14159, 1e5, 0.5), b"%%")
print(b"%r" % b"q", b"%a" % "é", b"%r" % "é", b"%(k)s" % {b"k": b"v"}, b"%s" % memoryview(b"mv"))
print(b"%5s|%-5s|%.2s" % (b"ab", b"cd", b"xyz"), b"%*d" % (4, 7), b"%i" % True, b"%d" % 2 ** 70)
print(bytearray(b"%s-%d") % (b"x", 5), type(bytearray(b"%s") % b"y").__name__)
for fmt, args in [(b"%s", "str"), (b"%s", 5), (b"%d", b"1"), (b"%c", 256), (b"%c", b"ab"), (b"%s %s", (b"a",)), (b"%z", 1)]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    print(b"x" + "y")
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(b"{}".format(1))
except AttributeError as e:
    print(type(e).__name__, e)
