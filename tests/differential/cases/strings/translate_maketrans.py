# str.maketrans in its three forms and str.translate with mappings, deletions and errors
t1 = str.maketrans("abc", "xyz")
print(sorted(t1.items()), "aabbcc-abc".translate(t1))
t2 = str.maketrans("ab", "AB", "xyz")
print(sorted(t2.items()), "axbycz".translate(t2))
t3 = str.maketrans({"a": "1", "b": None, ord("c"): "333", "é": "e"})
print(sorted(t3.items()), "abcabcé".translate(t3))
print("hello".translate({ord("l"): "L"}), "hello".translate({104: 72, 111: None}), "hello".translate({}))
rot13 = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
                      "NOPQRSTUVWXYZABCDEFGHIJKLMnopqrstuvwxyzabcdefghijklm")
print("Hello, World!".translate(rot13), "Hello, World!".translate(rot13).translate(rot13))
import string
print("Hi, there! How's it going?".translate(str.maketrans("", "", string.punctuation)))
for args in (("abc", "xy"), ({"ab": "x"},), ({1.5: "x"},), ("a",)):
    try:
        print(str.maketrans(*args))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
for table in ({ord("a"): 1.5}, {ord("a"): 0x110000}):
    try:
        print("abc".translate(table))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
class Upper:
    def __getitem__(self, k):
        if k == ord("q"):
            raise LookupError
        return chr(k).upper()
print("quiz".translate(Upper()), "日本".translate({ord("日"): "月"}))
