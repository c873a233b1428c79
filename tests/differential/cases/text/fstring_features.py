# Checks f-strings: nested quotes, = specifier, !r/!s/!a, nested format specs and expressions
name, n, items = "Zoë", 42, ["a", "b"]
d = {"key": "val"}
print(f"{name} {n} {items} {d['key']} {d.get('nope', 'dflt')}")
print(f"{name!r} {name!s} {name!a} {items!r} {'x'!r:>5}")
print(f"{n=} {name=} {n*2=} {n = } {name=!s} {n=:08.3f} {items[0]=}")
w = 10
print(f"[{name:>{w}}] [{name:^{w}}] [{n:{'<'}{w}}] [{3.14159:.{n // 20}f}]")
print(f"{'single'} {'''tri'''} {len('abc')} {', '.join(items)} {'''a 'quoted' word'''}")
print(f'{"double inside single"} {d["key"]}', f"""{'mixed "both"'}""")
print(f"{{braces}} {{{n}}} {'{'}{n}{'}'} {n:{'*'}>5}")
print(f"{n if n > 10 else -n} {[x * 2 for x in range(3)]} {(lambda v: v + 1)(n)} {n:#x}{n:o}")
print(f"""multi
{name}
line""", f"{chr(92)}", f"{'tab':>5}\t|")
print(f"{n!r:>6}|{name!a:^10}|{3 + 4j!s}|{None}|{True:>6}|{b'x'}|{True!s:>6}")
print(F"upper {n}", rf"raw \n {n}", fr"{name}\t", f"{'a' 'b'}")
class T:
    def __format__(self, spec):
        return f"<{spec}>"
print(f"{T()} {T():abc} {T():{w}x} {T()!s:>3}"[:0] + f"{T()} {T():abc} {T():{w}x}")
x = 5
print(f"{x:>{w}.{2}f}", f"{x!r:{w}}", f"{'%d' % x}", f"{x:{'+' if x > 0 else ''}}")
try:
    f"{x:zz}"
except ValueError as e:
    print(type(e).__name__, e)
