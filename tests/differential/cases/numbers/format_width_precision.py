# format()/f-strings for numbers: width, fill, alignment, sign, zero-padding, precision
x, n = 3.14159265, 42
print(f"[{x:.2f}]", f"[{x:10.3f}]", f"[{x:<10.3f}]", f"[{x:^10.1f}]", f"[{x:*>10.2f}]")
print(f"[{n:5}]", f"[{n:<5}]", f"[{n:^5}]", f"[{n:05}]", f"[{-n:05}]", f"[{n:+}]", f"[{n: }]", f"[{-n: }]")
print(f"[{-n:=8}]", f"[{n:x<8}]", f"[{n:0>8}]", f"[{-x:=+12.3f}]", f"[{x:012.4f}]", f"[{-x:012.4f}]")
print(format(n, "b"), format(n, "o"), format(n, "x"), format(n, "X"), format(n, "#b"), format(n, "#o"), format(n, "#X"))
print(format(-n, "#010x"), format(n, "c"), format(255, "08b"), format(0, "#x"), format(n, "d"), format(n, "n"))
print(format(x, ".0f"), format(2.5, ".0f"), format(-0.0, ".1f"), format(0.125, ".2f"), format(1.5, ".0f"))
print(format(x), format(n), format(x, ""), format(1e20, "f"), format(1e-7, "f"), format(1.5, "10"))
w, p = 12, 4
print(f"[{x:{w}.{p}f}]", f"[{x:>{w}}]", f"[{n:{'^'}{w}}]", f"[{'s':{w}}]")
print(format(float("inf"), "8.2f"), format(float("-inf"), "08.1f"), format(float("nan"), "+f"), format(float("nan"), "^7"))
print(format(True, "d"), format(7, ".2f"), format(-7, "e"), format(10 ** 20, ".3e"))
for spec in ("d", ".2d", "z", ",c", "=s"):
    try:
        print(format(2.5 if spec == "d" else 7, spec))
    except ValueError as e:
        print(type(e).__name__, e)
