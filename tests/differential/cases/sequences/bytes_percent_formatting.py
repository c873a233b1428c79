# printf-style % formatting on bytes and bytearray
print(b"%d items" % 5)
print(b"%s and %s" % (b"spam", b"eggs"))
print(b"%5d|%-5d|%05d" % (42, 42, 42))
print(b"%x %X %o %#x" % (255, 255, 8, 255))
print(b"%.2f %e %g" % (3.14159, 12345.678, 0.0001))
print(b"%c%c" % (65, b"B"))
print(b"%r" % "é", b"%a" % "x")
print(b"%(name)s is %(age)d" % {b"name": b"Bob", b"age": 30})
print(b"100%%" % ())
print(bytearray(b"%s!") % b"hi", type(bytearray(b"%s") % b"x").__name__)
print(b"%s" % bytearray(b"ba"), b"%s" % memoryview(b"mv"))
try:
    b"%s" % "text"
except TypeError as e:
    print(type(e).__name__, e)
try:
    b"%d %d" % (1,)
except TypeError as e:
    print(type(e).__name__, e)
try:
    b"%d" % (1, 2)
except TypeError as e:
    print(type(e).__name__, e)
