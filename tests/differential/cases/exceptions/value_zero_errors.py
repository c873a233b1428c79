# ValueError and ZeroDivisionError messages from conversions, math, and arithmetic
def show(fn):
    try:
        print("ok", fn())
    except (ValueError, ZeroDivisionError, OverflowError) as e:
        print(type(e).__name__, "|", e)

show(lambda: int("12a"))
show(lambda: int(""))
show(lambda: int("ff", 16))
show(lambda: int("9", 8))
show(lambda: float("abc"))
show(lambda: float("1e500"))
show(lambda: 1 / 0)
show(lambda: 1 // 0)
show(lambda: 1 % 0)
show(lambda: 1.0 / 0)
show(lambda: divmod(5, 0))
show(lambda: 0 ** -1)
show(lambda: 2.0 ** 10000)
import math
show(lambda: math.sqrt(-1))
show(lambda: math.log(0))
show(lambda: chr(-1))
show(lambda: "a,b".split(""))
show(lambda: int("  42  "))
show(lambda: int("1_000"))
show(lambda: int("٣"))
show(lambda: "abc".encode("ascii") and "é".encode("ascii"))
show(lambda: bytes([256]))
show(lambda: max([]))
show(lambda: [1, 2].index(3))
import fractions
show(lambda: fractions.Fraction(1, 0))
