# Checks str.join with various iterables, separators and type errors
print(", ".join(["a", "b", "c"]), "".join("xyz"), "-".join(("1", "2")), "|".join([]))
print(" ".join(str(i) for i in range(5)), "\n".join(["l1", "l2"]), "ab".join("123"))
print("→".join(sorted({"b", "a", "c"})), "".join(reversed("hello")), ",".join({"k1": 1, "k2": 2}))
print("x".join(["only"]), "--".join(["", "", ""]), "é".join("ñü"))
words = ["alpha", "beta", "gamma"]
print("".join(w[0].upper() for w in words), "_".join(w.upper() for w in words if "a" in w))
for bad in [[1, 2], ["a", None], [b"x"], 5]:
    try:
        print(",".join(bad))
    except TypeError as e:
        print(type(e).__name__, e)
