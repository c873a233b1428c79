# Checks str.replace with counts, empty old string, overlapping and unicode
s = "one two one two one"
print(s.replace("one", "1"), s.replace("one", "1", 2), s.replace("one", "1", 0), s.replace("one", "1", -1))
print("aaaa".replace("aa", "b"), "aaa".replace("a", "aa"), "abc".replace("", "-"), "abc".replace("", "-", 2))
print("".replace("", "x"), "".replace("a", "b"), "abc".replace("x", "y"), "abc".replace("abc", ""))
print("naïve café".replace("é", "e").replace("ï", "i"), "tab\there".replace("\t", "    "))
print("Hello".replace("l", "L", 1), "a.b.c".replace(".", "", 1), ("x" * 5).replace("x", "yz", 3))
print("ab" * 3, ("ab" * 3).replace("ba", "|"), "mississippi".replace("ss", "SS").replace("i", "!", 2))
try:
    "abc".replace("a")
except TypeError as e:
    print(type(e).__name__, e)
try:
    "abc".replace(1, "x")
except TypeError as e:
    print(type(e).__name__, e)
