# match value patterns: dotted constants, negative and complex literals, custom __eq__, wildcard positions, type tuples via or
import math
class Approx:
    def __init__(self, v): self.v = v
    def __eq__(self, other): return abs(self.v - other) < 0.01
class Consts:
    PI = Approx(math.pi)
    ORIGIN = (0, 0)
def check(v):
    match v:
        case math.inf:
            return "infinity"
        case -5:
            return "minus five"
        case 1 + 2j:
            return "complex"
        case -1.5:
            return "neg float"
        case Consts.ORIGIN:
            return "origin tuple"
        case [_, _, third]:
            return f"third is {third}"
        case (int() | float()) as num if num == Consts.PI:
            return "about pi"
        case int() | float():
            return "some number"
        case "a" "b":
            return "concatenated literal"
        case _:
            return "nope"
for v in [math.inf, -5, 1 + 2j, -1.5, (0, 0), [0, 0], "xyz", [1, 2, 3], 3.14159, 3, "ab", "a"]:
    print(repr(v), check(v))
match 3.0:
    case 3: print("3.0 matches literal 3")
match 0:
    case False:
        print("0 matches False?")
    case _:
        print("0 does not match False literal")
