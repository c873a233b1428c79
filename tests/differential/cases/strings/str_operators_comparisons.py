# str concatenation, repetition, comparison, membership, hashing-free identity, and str() of objects
a, b = "apple", "apricot"
print(a + b, a * 2, 3 * "ab", a < b, a > b, "Apple" < "apple", "a" < "aa", "" < "a", "abc" == "abc", "b" > "abc")
print(sorted(["b", "B", "a", "A", "é", "_", "1", " "]), max("hello"), min(["pear", "fig", "apple"]), sorted("cba", reverse=True))
print("app" in a, "" in "", "pl" not in b, [a, b].index("apricot"), (a, b) < (a, "b"))
s = "ab"
s += "cd"
s *= 2
print(s, len(s), str(12), str(1.5), str([1, "a"]), str(None), str(b"x"), str(), str(object).startswith("<class"))
print("-" * 10, "x" * 0 == "", "abc" * -2 == "", "ab" * True, f"{'ab' * 3:^10}")
print("a" != "A", "a".lower() == "A".lower(), "abc".__eq__(1), "abc".__lt__("abd"), "abc".__add__("def"), "ab".__mul__(2))
print("abc".__contains__("b"), "abc".__len__(), "abc".__getitem__(slice(1, None)), "ab".__rmul__(2))
for op in (lambda: "a" + 1, lambda: 1 + "a", lambda: "a" < 1, lambda: "a" * "b", lambda: "a" * 1.5, lambda: 1 in "abc", lambda: "a" - "b"):
    try:
        print(op())
    except TypeError as e:
        print(type(e).__name__, e)
