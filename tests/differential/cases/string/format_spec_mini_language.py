# format-spec mini-language through string.Formatter and str.format: fill, align, sign, width, grouping, types
import string
f = string.Formatter()
print(f.format("[{:<8}] [{:>8}] [{:^8}] [{:*^9}]", "ab", "ab", "ab", "ab"))
print(f.format("{:+d} {: d} {:-d} {:+d}", 5, 5, 5, -5))
print(f.format("{:,} {:_} {:,.2f} {:_x}", 1234567, 1234567, 1234567.891, 0xFFFFFFFF))
print(f.format("{:08.3f} {:e} {:.3g} {:%} {:.1%}", 3.14159, 12345.678, 0.000123456, 0.25, 0.3333))
print(f.format("{:b} {:o} {:x} {:X} {:#b} {:#o} {:#x}", 10, 10, 255, 255, 10, 10, 255))
print(f.format("{:c} {:n} {:=+8d} {:010,d}", 97, 1234, 42, 1234567))
print(f.format("{0:>{1}} {0:.{2}}", "hello", 8, 3))
print("{:.2f} {:g} {:g} {:g}".format(2.675, 1e16, 1e-5, 100.0), format(-0.0, ".1f"), format(1e300 * 10, "f"))
print(format(12345.6789, ",.1f"), format(True, "d"), format("x", "^5s") + "|", format(3 + 4j, ".1f"))
for spec in ["d", ",s", "=s"]:
    try:
        print(format(1.5 if spec == "d" else "abc", spec))
    except ValueError as e:
        print(type(e).__name__, e)
