# Checks string comparison by code point, sorting with keys, and comparison errors
words = ["banana", "Apple", "cherry", "apple", "Äpfel", "zebra", "Zoo", "éclair", "", "a", "aa", "10", "9"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=str.casefold, reverse=True))
print(sorted(words, key=lambda w: (len(w), w)))
print("a" < "b", "a" < "B", "abc" < "abd", "ab" < "abc", "" < "a", "Z" < "a", "é" > "z", "10" < "9")
print(min(words), max(words), "abc" == "abc", "abc" != "abd", "A" * 3 == "AAA")
print("apple" in words, words.index("Zoo"), sorted(set("mississippi")), "".join(sorted("hello")))
print(sorted(["b2", "a10", "a2", "a1"]), sorted(["β", "α", "γ", "Ω"]), max("hello"), min("hello"))
for bad in [lambda: "a" < 1, lambda: "a" >= None, lambda: sorted(["a", 1])]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
print("a" == 1, "1" == 1, "a" != b"a")
