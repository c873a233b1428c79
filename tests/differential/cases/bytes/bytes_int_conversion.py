# converting between bytes and ints/strings: list(), int.from_bytes, decode, bytes of checksum loops
data = "Grüße, 世界".encode()
print(list(data)[:8], len(data), data.decode(), data[:3].decode(), data.count(0xc3))
checksum = 0
for byte in data:
    checksum = (checksum * 31 + byte) & 0xFFFFFFFF
print(checksum, hex(checksum), checksum.to_bytes(4, "big"), int.from_bytes(checksum.to_bytes(4, "little"), "little"))
xored = bytes(b ^ 0x5A for b in b"secret")
print(xored, bytes(b ^ 0x5A for b in xored), bytes(map(lambda b: (b + 1) % 256, b"\xfe\xff")))
print(int(b"42"), float(b"2.5"), int(b"-0x10", 16), b"%d" % 42 == str(42).encode(), str(42).encode("ascii"))
words = b"the cat sat on the mat".split()
print(sorted(set(words)), b" ".join(sorted(words, key=len)), {w: words.count(w) for w in sorted(set(words))})
print(bytes(reversed(b"abc")), b"".join(bytes([c]) for c in b"xyz"), bytearray(b"abc")[::-1].decode())
