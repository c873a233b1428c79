# Checks format() of str values: width, fill, align, precision truncation and invalid specs
for spec in ["", "10", "<10", ">10", "^10", "*^10", ".3", "10.3", "->8.2", "^", "s", "5s", "\u00b7^9", "0>5"]:
    print(repr(spec), repr(format("hello", spec)), repr(format("", spec)), repr(format("日本語", spec)))
for spec in ["=10", "+", "d", ",", "#", "010", " ", "_"]:
    try:
        print(repr(format("abc", spec)))
    except ValueError as e:
        print(repr(spec), type(e).__name__, e)
print("{:.0}|{:.1}|{:3.1}|".format("xyz", "xyz", "xyz"), f"{'ab':~^7}", f"{'ab':{'~'}<{5}}")
