# bytes comparisons, concatenation, repetition, membership, hashing equality with bytearray, sorting
a, b = b"apple", b"apricot"
print(a < b, a > b, a == b"apple", a != bytearray(b"apple"), b"" < b"\x00", b"\xff" > b"\x7f\xff", b"a" < b"ab")
print(sorted([b"b", b"B", b"a", b"\x00", b"ab"]), max(b"xyz", b"xz"), min([bytearray(b"z"), b"y"]))
print(a + b, a * 2, 2 * b"-", bytearray(b"x") * 3, a + bytearray(b"!"), bytearray(b"!") + a, a + memoryview(b"?"))
print(b"pl" in a, 112 in a, b"" in a, bytearray(b"pp") in a, b"a" in bytearray(b"cat"), 300 in a if False else "skip")
x = b"ab"
x += b"cd"
x *= 2
print(x, type(x).__name__, b"ab" == "ab", b"a" == 97, hash(b"xy") == hash(b"x" + b"y"))
print({b"k": 1}[bytes(bytearray(b"k"))], len({b"a", b"a", bytes([97])}), b"abc".__eq__("abc"))
for op in (lambda: b"a" + "b", lambda: "a" + b"b", lambda: b"a" < "a", lambda: b"a" * 1.5, lambda: 256 in b"a",
           lambda: "a" in b"a", lambda: {bytearray(b"x"): 1}):
    try:
        print(op())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
