# str.join with various iterables and str.replace with counts and empty patterns
print(", ".join(["a", "b", "c"]), "".join("xyz"), "-".join(()), "|".join(["only"]), "->".join(str(i) for i in range(4)))
print(" ".join({"b": 1, "a": 2}), "/".join(sorted({"z", "y", "x"})), "\n".join(["l1", "l2"]).count("\n"))
print("ab".join("123"), "é".join("日本"), "".join(map(chr, [72, 105])))
print("hello world".replace("o", "0"), "aaaa".replace("a", "b", 2), "aaaa".replace("aa", "b"), "abc".replace("", "-"))
print("abc".replace("", "-", 2), "".replace("", "x"), "".replace("a", "b"), "abc".replace("x", "y"), "abab".replace("ab", "", -1))
print("mississippi".replace("ss", "SS", 1), "mississippi".replace("i", ""), "ñandú".replace("ñ", "n"), "a.b.c".replace(".", "", 0))
print("tab\there".replace("\t", "    "), "x".replace("x", "xx").replace("x", "xx"))
for items in ([1, 2], ["a", None], [b"a"]):
    try:
        print(",".join(items))
    except TypeError as e:
        print(type(e).__name__, e)
try:
    print("abc".replace("a"))
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("abc".replace(1, "x"))
except TypeError as e:
    print(type(e).__name__, e)
