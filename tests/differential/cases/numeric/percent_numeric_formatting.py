# Checks %-formatting of numbers: d i o x X e E f F g G c r and flags
print("%d %i %5d %-5d| %05d %+d % d" % (42, -7, 3, 3, 42, 5, 5))
print("%o %#o %x %#x %X %#X" % (8, 8, 255, 255, 255, 255))
print("%f %.2f %10.3f %-10.1f| %e %.2E %g %G" % (3.14159, 2.5, 1.0 / 3, 9.99, 12345.678, 0.000123, 1e-5, 1e20))
print("%c%c%c" % (72, 'i', 0x263A))
print("%d%%" % 50, "%.0f%%" % 99.5, "%5.1f%%" % 12.345)
print("%d" % 3.99, "%x" % -255, "%o" % -8, "%d" % True, "%f" % 1)
print("%*d|%-*d|%.*f" % (6, 1, 6, 2, 3, 3.14159))
print("%(a)d + %(b).1f = %(c)s" % {'a': 1, 'b': 2.0, 'c': 'three'})
print("%s %r" % (1.0, 0.1), "%s" % 10 ** 20, "%.3s" % 123456)
print("%#.3g %g %g" % (1.0, 100000, 1000000), "%F" % float('inf'), "%e" % float('nan'))
for fmt, args in [("%d", "x"), ("%d %d", (1,)), ("%d", (1, 2)), ("%c", 1114112), ("%z", 1), ("%x", 1.5)]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
