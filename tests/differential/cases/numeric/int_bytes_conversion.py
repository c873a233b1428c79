# Checks int.to_bytes and int.from_bytes with byteorder, signed and errors
print((1024).to_bytes(2, 'big'), (1024).to_bytes(2, 'little'))
print((255).to_bytes(1, 'big'), (0).to_bytes(3, 'big'), (1).to_bytes())
print((-1).to_bytes(2, 'big', signed=True), (-256).to_bytes(2, 'little', signed=True))
print((2 ** 64 - 1).to_bytes(8, 'big').hex())
print(int.from_bytes(b'\x00\x10', 'big'), int.from_bytes(b'\x00\x10', 'little'))
print(int.from_bytes(b'\xff\xff', 'big', signed=True), int.from_bytes(b'\xff\xff', 'big'))
print(int.from_bytes(b'', 'big'), int.from_bytes([1, 2, 3], 'big'), int.from_bytes(b'\x80'))
print(int.from_bytes(bytearray(b'\x01\x00'), byteorder='little'))
n = 123456789012345678901234567890
print(int.from_bytes(n.to_bytes(16, 'big'), 'big') == n)
for args in [(1, 'big'), (2, 'big')]:
    try:
        print((65536).to_bytes(*args))
    except OverflowError as e:
        print(type(e).__name__, e)
try:
    (-1).to_bytes(2, 'big')
except OverflowError as e:
    print(type(e).__name__, e)
try:
    (1).to_bytes(2, 'middle')
except ValueError as e:
    print(type(e).__name__, e)
try:
    (128).to_bytes(1, 'big', signed=True)
except OverflowError as e:
    print(type(e).__name__, e)
