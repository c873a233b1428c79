# string: str methods used with string constants (translate, maketrans, caesar, counting)
import string

def caesar(s, k):
    lo, up = string.ascii_lowercase, string.ascii_uppercase
    table = str.maketrans(lo + up, lo[k:] + lo[:k] + up[k:] + up[:k])
    return s.translate(table)
print(caesar("Hello, World!", 3), caesar(caesar("Zebra", 5), 21))
strip_punct = str.maketrans("", "", string.punctuation)
text = "It's a test -- of (punctuation)! Yes: really?"
print(text.translate(strip_punct))
words = text.translate(strip_punct).lower().split()
print(sorted(set(words)), {w: words.count(w) for w in ["a", "yes"]})
print(all(c in string.hexdigits for c in "DeadBeef"), any(c in string.whitespace for c in "no_space"))
print("Straße".upper(), "ǅ".lower(), "ß".casefold(), "İ".lower().encode("utf-8"))
print("  x  ".strip(), "xxhixx".strip("x"), "a,b,,c".split(","), "a b  c".split(), "line1\nline2\r\n".splitlines())
print("%s is %d years and %.2f%%" % ("Bo", 7, 99.5), "%(a)s-%(b)05d" % {"a": "k", "b": 42}, "%x %o %e" % (255, 8, 1234.5))
print("title case here".title(), "SWAP".swapcase(), "abc".center(9, "*"), "42".zfill(5), "-42".zfill(5))
print("ab" * 3, "a-b-c".rsplit("-", 1), "a-b-c".partition("-"), "abc".removeprefix("a"), "tab\tx".expandtabs(4))
print("hello".find("l"), "hello".rfind("l"), "hello".index("o"), "hello".count("l"), "hello".startswith(("x", "he")))
