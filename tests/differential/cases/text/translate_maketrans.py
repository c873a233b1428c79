# Checks str.maketrans in its three forms and str.translate with deletion and unicode
t1 = str.maketrans("abc", "xyz")
print(sorted(t1.items()), "aabbcc-abc".translate(t1))
t2 = str.maketrans("abc", "xyz", "-")
print("aabbcc-abc".translate(t2), sorted(t2.items()))
t3 = str.maketrans({"a": "1", "b": None, ord("c"): "see", "é": "e"})
print(sorted(t3.items()), "abcabé".translate(t3))
print("hello".translate({ord("l"): "L", ord("o"): 48}), "hello".translate({}), "".translate(t1))
vowels = str.maketrans("", "", "aeiouAEIOU")
print("Programming In Python".translate(vowels))
rot13 = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
                      "NOPQRSTUVWXYZABCDEFGHIJKLMnopqrstuvwxyzabcdefghijklm")
print("Hello, World!".translate(rot13), "Hello, World!".translate(rot13).translate(rot13))
class Upper:
    def __getitem__(self, k):
        if chr(k) == "z":
            raise LookupError
        return chr(k).upper()
print("abcz".translate(Upper()))
for bad in [lambda: str.maketrans("ab", "x"), lambda: str.maketrans({"ab": "x"}), lambda: str.maketrans(1),
            lambda: "abc".translate({ord("a"): 1.5})]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
