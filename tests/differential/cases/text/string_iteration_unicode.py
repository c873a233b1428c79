# Checks iterating over strings with combining marks and astral chars, len, reversed, enumerate
s = "ae\u0301😀日本\U0001f1ef\U0001f1f5"
print(len(s), list(s), [ord(c) for c in s][:3], s[2], repr(s[2]))
print(list(reversed("abc")), list(enumerate("xy")), list(zip("abc", "12")), list(map(str.upper, "ab")))
print(sorted("zyxA"), set("aab") == {"a", "b"}, dict.fromkeys("aba"), "".join(c * 2 for c in "abc"))
it = iter("hé")
print(next(it), next(it), next(it, "END"))
print(any(c.isdigit() for c in "ab1"), all(c.isalpha() for c in "ñandú"), [c for c in "a b c" if c != " "])
print(s.encode("utf-8"), len(s.encode("utf-8")), "😀" in s, s.count("😀"), s.index("日"))
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, max(counts, key=counts.get))
