# Checks center/ljust/rjust/zfill with widths, fill characters and signs
for w in [0, 3, 8, 9]:
    print(repr("abc".center(w)), repr("abc".ljust(w, '*')), repr("abc".rjust(w, '-')), repr("ab".center(w, '.')))
print("42".zfill(5), "-42".zfill(5), "+42".zfill(5), "abc".zfill(5), "".zfill(3), "-".zfill(3), "12345".zfill(2))
print("3.14".zfill(8), "-0.5".zfill(6), "ü".center(5, 'ß'), "日本".rjust(6, '〇'))
print("|" + "x".center(4) + "|", "|" + "x".center(5, "_") + "|", "|" + "xy".center(5) + "|", "|" + "xy".center(6) + "|")
table = [("Name", "Qty"), ("apple", "3"), ("kiwi", "12")]
for a, b in table:
    print(a.ljust(8, '.') + b.rjust(4))
for bad in [lambda: "a".center(5, "ab"), lambda: "a".ljust(5, ""), lambda: "a".rjust("5"), lambda: "a".zfill(None)]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
