# Checks startswith/endswith with strings, tuples, start/end ranges and errors
fn = "report_2024.final.pdf"
print(fn.startswith("report"), fn.endswith(".pdf"), fn.endswith((".doc", ".pdf")), fn.startswith(("x", "y")))
print(fn.startswith("2024", 7), fn.startswith("2024", 7, 10), fn.endswith("final", 0, -4), fn.endswith("", 5))
print(fn.startswith(""), "".startswith(""), "".endswith("a"), fn.startswith("port", -100 + 102))
print(fn.startswith(()), fn.endswith(("",)), "ÜBER".startswith("Ü"), "naïve".endswith("ïve"))
print(fn.startswith("r", 100), fn.endswith("f", -1), fn.startswith("report", -100))
exts = (".png", ".jpg", ".gif")
files = ["a.png", "b.txt", "c.JPG", "d.gif"]
print([f for f in files if f.lower().endswith(exts)])
for bad in [["a"], 1, ("a", 1)]:
    try:
        fn.startswith(bad)
    except TypeError as e:
        print(type(e).__name__, e)
