# startswith/endswith with tuples, start/end, empty prefixes and wrong types
f = "report_2024.final.PDF"
print(f.startswith("report"), f.startswith("Report"), f.endswith(".PDF"), f.lower().endswith(".pdf"))
print(f.endswith((".txt", ".PDF")), f.startswith(("x", "y")), f.startswith(()), f.endswith(("",)))
print(f.startswith("2024", 7), f.startswith("2024", 7, 9), f.endswith("final", 0, 17), f.endswith("final", -10, -4))
print("".startswith(""), "abc".startswith(""), "abc".endswith("", 3), "abc".endswith("", 4), "abc".startswith("", 5))
print("ünïcode".startswith("ün"), "日本語".endswith("語"), "e\u0301".startswith("e"), "abc".startswith("abcd"))
print("abc".startswith("b", 1), "abc".startswith("b", -2), "abc".endswith("ab", None, 2), "abc".startswith("a", None))
urls = ["http://a", "https://b", "ftp://c", "mailto:d"]
print([u for u in urls if u.startswith(("http://", "https://"))])
for arg in (1, ["a"], ("a", 1), None):
    try:
        print("abc".startswith(arg))
    except TypeError as e:
        print(type(e).__name__, e)
try:
    print("abc".endswith(b"c"))
except TypeError as e:
    print(type(e).__name__, e)
