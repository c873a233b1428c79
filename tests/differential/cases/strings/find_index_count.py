# find/rfind/index/rindex/count with start/end ranges, negatives, empty substrings and misses
s = "abracadabra"
print(s.find("a"), s.find("a", 1), s.find("a", 1, 3), s.find("z"), s.rfind("a"), s.rfind("a", 0, -1), s.rfind("bra"))
print(s.find(""), s.find("", 5), s.find("", 11), s.find("", 12), s.rfind(""), s.rfind("", 3, 5))
print(s.find("a", -3), s.find("a", -100, 100), s.find("abra", 7), s.find("abra", 7, 10), s.find("a", 5, 2))
print(s.index("c"), s.rindex("a"), s.index("bra", 2), s.rindex("bra", 0, 10))
print(s.count("a"), s.count("ab"), s.count(""), "".count(""), "aaaa".count("aa"), s.count("a", 3, 8), s.count("a", -4))
print("日本語の日本".find("日本", 1), "日本語の日本".count("日本"), "café".index("é"), "x\u0301x".find("\u0301"))
print("a" in s, "cad" in s, "" in s, "z" not in s, "A" in s, s.lower().find("ACA".lower()))
print(s.find("a", None, None), s.count("a", None), s.index("a", True))
for op in (lambda: s.index("z"), lambda: s.rindex("z"), lambda: s.index("a", 11), lambda: s.find(1), lambda: s.count()):
    try:
        print(op())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
