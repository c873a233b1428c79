# string: Formatter class and str.format mini-language specs
import string

f = string.Formatter()
print(f.format("{0}-{1}-{0}", "a", "b"), f.format("{name:>6}|", name="x"), f.vformat("{a}{b}", (), {"a": 1, "b": 2}))
print(list(f.parse("x{0:>3}y{k!r}z")))
print("{:08.3f}|{:+d}|{: d}|{:x}|{:#o}|{:#b}|{:,}|{:_}".format(3.14159, 5, 7, 255, 8, 5, 1234567, 10**6))
print("{:^10}|{:*<6}|{:=+8}|{:>4.2}".format("mid", "l", -42, "abcdef"))
print("{:e}|{:.2E}|{:g}|{:g}|{:.3g}|{:%}|{:.1%}".format(12345.678, 0.000123, 1e-5, 123456789.0, 2.71828, 0.25, 1 / 3))
print("{!r}|{!s}|{!a}".format("q", 1.0, "é"), "{0[1]}|{0[k]}".format({1: "one", "k": "kay"}))
print("{p.real}|{l[0]}".format(p=3 + 4j, l=[9]), "{{literal}} {}".format(1))
print(format(1234.5, ",.2f"), format(-0.0, "f"), format(1e100, ".3"), format(float("nan"), "5"), format(255, "X"))
print(f"{'ok':{'>'}{5}}", f"{42!r:>5}", f"{3.5:.0f}", f"{2.5:.0f}", f"{12:c}" if False else f"{65:c}")
class Up(string.Formatter):
    def convert_field(self, value, conversion):
        return str(value).upper() if conversion == "u" else super().convert_field(value, conversion)
print(Up().format("{0!u} {1}", "loud", "quiet"))
try:
    "{:d}".format("s")
except ValueError as e:
    print(type(e).__name__, e)
try:
    "{0} {}".format(1, 2)
except ValueError as e:
    print(type(e).__name__, e)
