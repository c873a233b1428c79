# indexing bytes gives ints, slicing gives bytes; steps, negatives, iteration, and errors
b = b"abcdefgh"
print(b[0], b[-1], type(b[0]).__name__, b[1:4], b[::2], b[::-1], b[-3:], b[:100], b[5:2], b[::-3])
print(list(b[:3]), [chr(x) for x in b[-2:]], tuple(b"\x00\xff"), sum(b"\x01\x02\x03"), max(b"azb"), sorted(b"cab"))
ba = bytearray(b)
print(ba[0], ba[2:5], type(ba[2:5]).__name__, ba[::-1], ba[slice(1, None, 3)])
print(b[True], b[False:True], b"xyz"[-3], b"".join([b[i:i + 2] for i in range(0, 8, 2)][::-1]))
for i, byte in enumerate(b"hi"):
    print(i, byte, hex(byte), bin(byte))
print(b"abc" == bytes([97, 98, 99]), b[2:5] == b"cde", b[2:5] == bytearray(b"cde"), b[0] == 97, b[0:1] == b"a")
class Idx:
    def __index__(self):
        return 2
print(b[Idx()], b[Idx():], b[:Idx()], ba[Idx()])
for op in (lambda: b[8], lambda: b[-9], lambda: b["1"], lambda: b[::0], lambda: ba[10], lambda: b[1.0]):
    try:
        print(op())
    except (IndexError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    b[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
