# pow with a modulus, including negative exponents (modular inverse) and negative moduli
print(pow(3, 4, 5), pow(2, 10, 1000), pow(7, 0, 13), pow(0, 0, 7), pow(5, 3, 1))
print(pow(-3, 3, 7), pow(3, 3, -7), pow(-3, 3, -7))
print(pow(3, -1, 7), pow(10, -1, 17), pow(2, -3, 11), pow(38, -1, 97))
print(pow(2, 10 ** 18, 10 ** 9 + 7), pow(12345, 67890, 2 ** 61 - 1))
print(pow(10 ** 30, 2, 10 ** 15 + 37))
print(pow(True, 5, 3), pow(5, True, 3))
for args in [(2, -1, 4), (3, 2, 0), (2.0, 2, 3), (2, 2.0, 3), (2, 2, 3.0), ("2", 2, 3)]:
    try:
        print(pow(*args))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(pow(base=2, exp=5, mod=7), pow(2, 5, mod=None))
