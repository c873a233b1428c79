# Sets of strings in ordinary text processing, always printed sorted
text = "the quick brown fox jumps over the lazy dog"
letters = set(text) - {" "}
print(len(letters), sorted(letters) == sorted("abcdefghijklmnopqrstuvwxyz"))
vowels = set("aeiou")
print(sorted(vowels & set(text)), sorted(set("rhythm") & vowels), sorted(set("python") - vowels))
w1 = set("a man a plan a canal panama".split())
w2 = set("a plan for a canal".split())
print(sorted(w1), sorted(w2), sorted(w1 & w2), sorted(w1 ^ w2), sorted(w2 - w1))
stop = frozenset({"the", "a", "over"})
print(sorted(w for w in set(text.split()) if w not in stop))
def is_pangram(s):
    return set("abcdefghijklmnopqrstuvwxyz") <= set(s.lower())
print(is_pangram(text), is_pangram("Hello"), is_pangram("Pack my box with five dozen liquor jugs"))
def anagrams(words):
    groups = {}
    for w in words:
        groups.setdefault(frozenset(w), set()).add(w)
    return sorted(sorted(g) for g in groups.values() if len(g) > 1)
print(anagrams(["listen", "silent", "enlist", "google", "gogole", "cat", "act", "dog"]))
uniq = sorted({c.lower() for c in "AbCabcÉé"})
print(uniq, sorted({"ß", "ss", "SS".lower()}), len({"é", "e\u0301"}))
