# f-strings: nested replacement fields in specs, expressions, quotes, dict access, lambdas, multi-line
width, prec, val = 10, 3, 3.14159265
print(f"[{val:{width}.{prec}f}]", f"[{val:{'>' if val > 3 else '<'}{width}}]", f"[{'x':{'*'}^{width // 2}}]")
d = {"key": "value", "n": 5}
print(f"{d['key']}", f"{d['n'] * 2}", f"{len(d)}", f'{d["key"].upper()}', f"{'nested ' + f'{1 + 1}'}")
items = [1, 2, 3]
print(f"{items}", f"{items[-1]}", f"{sum(items) / len(items):.2f}", f"{[x * 2 for x in items]}", f"{(lambda x: x + 1)(4)}")
print(f"{'{'}{'}'}", f"{{literal}}", f"{{{val:.1f}}}", f"{3 if True else 4}", f"{(1, 2)}", f"{ {1: 2}[1] }")
name = "World"
msg = (f"Hello, "
       f"{name}! "
       f"{name.lower()!r}")
print(msg, f"{name:>{len(name) + 3}}", f"{name[::-1]}", f"{name!s:.3}", f"{ name = }")
print(f"{10:#x}", f"{-5:+d}", f"{1234567:,}", f"{0.25:.0%}", f"{'é'!a}", f"{3.0!r}")
for i in range(3):
    print(f"{i:>{i + 2}}|{'#' * i:<3}|{i ** 2:03d}")
x = 7
print(f"{x!r:>5}", f"{x.__class__.__name__}", f"{f'{x}':>3}", f"""{'triple'}""", rf"\n{x}", fr"{x}\t")
