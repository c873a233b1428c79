# Checks int() parsing of strings: signs, whitespace, underscores, bases, errors
for s in ["42", "  -17  ", "+8", "1_000_000", "\t99\n", "0", "-0", "007", "٣٤"]:
    print(repr(s), int(s))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("0o17", 0), int("0b101", 0))
print(int("z", 36), int("10", 2), int("1_0", 2), int("-0x_1f", 0), int("777", 8))
print(int(3.99), int(-3.99), int(True), int(2 ** 70 + 0.0))
for bad in ["", "1.5", "1__0", "_1", "1_", "0x10", "12a", " ", "1 2", "--1"]:
    try:
        int(bad)
    except ValueError as e:
        print(type(e).__name__, e)
for s, b in [("012", 0), ("2", 2), ("9", 8)]:
    try:
        print(int(s, b))
    except ValueError as e:
        print(type(e).__name__, e)
try:
    int("10", 37)
except ValueError as e:
    print(type(e).__name__, e)
try:
    int(10, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    int(None)
except TypeError as e:
    print(type(e).__name__, e)
