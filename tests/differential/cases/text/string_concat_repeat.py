# Checks string concatenation, repetition, in-place building and related errors
a = "foo"
b = a
a += "bar"
print(a, b, a is not b, "ab" * 3, 3 * "ab", "ab" * 0, "ab" * -1, "" * 100)
parts = []
for i in range(5):
    parts.append(str(i) * i)
print("|".join(parts), "-" * 20, "=" * 3 + ">" + " " * 2 + "<")
s = ""
for ch in "hello":
    s = ch + s
print(s, "a" + "b" + "c", "x" "y", ("py" * 2).upper(), len("é" * 1000))
for bad in [lambda: "a" + 1, lambda: 1 + "a", lambda: "a" * "b", lambda: "a" * 1.5, lambda: "a" - "b",
            lambda: "a" + None, lambda: "a" + b"b"]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
print("abc" * True, "abc" * False == "", "%s" * 2 % ("x", "y"))
