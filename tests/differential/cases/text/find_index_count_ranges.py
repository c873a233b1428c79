# Checks find/rfind/index/rindex/count with start and end ranges incl. negative indices
s = "abracadabra"
print(s.find("a"), s.find("a", 1), s.find("a", 1, 3), s.find("bra", -4), s.find("z"), s.find(""))
print(s.rfind("a"), s.rfind("a", 0, -1), s.rfind("abra", 1), s.rfind(""), s.rfind("", 3, 5))
print(s.index("c"), s.rindex("bra"), s.index("a", -3), s.count("a"), s.count("a", 4), s.count("abra"))
print(s.count(""), "".count(""), s.count("a", 100), s.find("", 11), s.find("", 12), s.count("aa"))
print("aaaa".count("aa"), "aaaa".find("aa", 1), "héllo wörld".find("wö"), "日本語日本".rfind("日本"))
print(s.find("a", None, None), s.count("a", -100, 100), s.find("a", 5, 2), s.find("", 5, 2))
for call in [lambda: s.index("z"), lambda: s.rindex("a", 0, 0), lambda: s.find(1), lambda: s.count()]:
    try:
        call()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print("a" in s, "cad" in s, "" in s, "x" not in s)
