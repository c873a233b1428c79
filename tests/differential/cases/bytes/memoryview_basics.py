# memoryview basics: indexing, slicing without copying, tobytes/tolist, writes through bytearray, release
ba = bytearray(b"hello world")
mv = memoryview(ba)
print(mv[0], mv[-1], bytes(mv[:5]), mv[6:].tobytes(), mv.tolist()[:3], len(mv), mv.nbytes, mv.readonly)
mv[0] = ord("H")
mv[6:11] = b"WORLD"
print(ba, mv.tobytes(), bytes(mv[::2]), mv[::-1].tobytes())
sub = mv[2:5]
sub[0] = ord("L")
print(ba, sub.tobytes(), len(sub), sub.hex(), sub == b"Llo", mv == ba)
ro = memoryview(b"abc")
print(ro.readonly, ro.format, ro.itemsize, ro.ndim, ro.shape, ro.strides, ro.obj == b"abc")
print(list(ro), [x for x in memoryview(b"\x01\x02")], bytes(ro) + b"!", b"b" in bytes(ro), ro.tobytes().decode())
try:
    ro[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
with memoryview(b"ctx") as m:
    print(m.tobytes())
try:
    m.tobytes()
except ValueError as e:
    print(type(e).__name__, e)
mv2 = memoryview(bytearray(4))
mv2[:] = b"\x01\x02\x03\x04"
print(mv2.tolist(), mv2.cast("H").tolist() if False else mv2[1:3].tolist())
for op in (lambda: mv[100], lambda: mv.__setitem__(slice(0, 2), b"abc"), lambda: memoryview("str"), lambda: mv.__setitem__(0, 300)):
    try:
        print(op())
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
