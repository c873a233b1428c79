# memoryview basics: tolist, tobytes, slicing, cast, readonly, modification
data = bytearray(b"abcdef")
mv = memoryview(data)
print(mv.tolist(), mv.tobytes(), len(mv), mv[0], mv[-1])
print(mv[1:4].tobytes(), mv[::2].tolist(), mv[::-1].tobytes())
print(mv.readonly, memoryview(b"xy").readonly, mv.format, mv.itemsize, mv.nbytes, mv.ndim)
mv[0] = 65
mv[1:3] = b"BC"
print(data)
sub = mv[3:]
sub[0] = ord("D")
print(data, bytes(sub))
ro = memoryview(b"hello")
try:
    ro[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
c = mv.cast("B")
print(c.tolist()[:3], c.format, c.shape)
print(mv == b"ABCDef", mv == data, memoryview(b"ab") == memoryview(b"ab"))
try:
    mv[1:3] = b"xyz"
except ValueError as e:
    print(type(e).__name__, e)
with memoryview(b"temp") as m2:
    print(m2.tobytes())
try:
    m2.tolist()
except ValueError as e:
    print(type(e).__name__, e)
print(bytes(memoryview(b"xyz")[1:]), list(memoryview(b"\x01\x02")))
