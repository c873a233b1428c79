# memoryview cast between 'B' and wider formats, shape and tolist
raw = bytes(range(8))
mv = memoryview(raw)
print(mv.format, mv.itemsize, mv.shape, mv.strides)
b = mv.cast("B")
print(b.tolist(), b.shape, b.nbytes)
h = mv.cast("H")
print(h.itemsize, len(h), h.format, h.nbytes)
print(h.tolist() == [int.from_bytes(raw[i:i + 2], "little") for i in range(0, 8, 2)])
i = mv.cast("I")
print(len(i), i.itemsize, i.cast("B").tobytes() == raw)
c = mv.cast("c")
print(c.tolist()[:3], c[0])
m2 = mv.cast("B", shape=[2, 4])
print(m2.shape, m2.ndim, m2.tolist())
try:
    memoryview(b"abc").cast("H")
except TypeError as e:
    print(type(e).__name__, e)
except ValueError as e:
    print(type(e).__name__, e)
ba = bytearray(4)
w = memoryview(ba).cast("H")
w[0] = 258
print(ba, w.tolist())
print(memoryview(b"xyz").obj, memoryview(bytearray(b"q")).tobytes())
