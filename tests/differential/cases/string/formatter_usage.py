# string.Formatter: format, vformat, parse, get_field, subclass overrides for conversion and fields
import string
f = string.Formatter()
print(f.format("{0} + {1} = {2}", 1, 2, 3), f.format("{name:>6}|{x:.2f}", name="ab", x=3.14159))
print(f.vformat("{a}-{0}", ("pos",), {"a": "kw"}))
print(list(f.parse("Hi {name!r:>10} and {0[1]} {{literal}} end")))
print(list(f.parse("")), list(f.parse("no fields")))
print(f.get_field("0.real", (3 + 4j,), {}), f.format("{0.imag} {1[k]}", 2j, {"k": "v"}))
print(f.format("{:{w}}|", "x", w=4), f.format("{!s} {!a}", "é", "é"))
class Upper(string.Formatter):
    def convert_field(self, value, conversion):
        if conversion == "u":
            return str(value).upper()
        return super().convert_field(value, conversion)
print(Upper().format("{0!u} {0!r}", "hey"))
class Defaults(string.Formatter):
    def get_value(self, key, args, kwargs):
        if isinstance(key, str):
            return kwargs.get(key, f"<{key}?>")
        return super().get_value(key, args, kwargs)
print(Defaults().format("{a} {b} {0}", "zero", a=1))
try:
    f.format("{0} {}", 1, 2)
except ValueError as e:
    print(type(e).__name__, e)
try:
    f.format("{missing}")
except KeyError as e:
    print(type(e).__name__, e)
