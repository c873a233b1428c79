# center/ljust/rjust with fill chars, zfill with signs, and width edge cases
print(repr("abc".center(9)), repr("abc".center(8)), repr("abcd".center(9)), repr("ab".center(7, "*")))
print(repr("abc".ljust(6)), repr("abc".rjust(6, ".")), repr("abc".ljust(2)), repr("abc".center(-5)), repr("".center(3, "-")))
print(repr("日本".center(6, "・")), repr("é".rjust(3, "ñ")), repr("x".ljust(4, "\u0301")))
print("42".zfill(5), "-42".zfill(5), "+42".zfill(5), "3.14".zfill(7), "abc".zfill(5), "".zfill(3), "-".zfill(3), "12345".zfill(3))
print("--1".zfill(5), "+-1".zfill(5), "١٢".zfill(4))
rows = [("apple", 1.5), ("kiwi", 12.25), ("watermelon", 100.0)]
for name, price in rows:
    print(name.ljust(12, ".") + str(price).rjust(8))
print("|" + "title".center(20, "=") + "|")
print("x".center(True + 2), "y".rjust(False))
for args in ((5, "ab"), (5, ""), ("5",), (5, 1)):
    try:
        print("abc".center(*args))
    except TypeError as e:
        print(type(e).__name__, e)
