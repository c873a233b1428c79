# objects with __index__ are accepted wherever an int is: bin/hex/oct, range, slicing, repetition, str methods
import operator
class N:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
two, five = N(2), N(5)
checks = [
    ("bin/hex/oct", lambda: (bin(five), hex(N(255)), oct(N(8)), operator.index(two))),
    ("range", lambda: (list(range(five)), list(range(two, N(10), N(3))), range(5)[two], range(10)[two:five])),
    ("list index", lambda: ([0, 1, 2, 3, 4, 5][two], (1, 2, 3)[N(-1)], b"xyz"[N(1)], "abcdef"[two])),
    ("slicing", lambda: ([0, 1, 2, 3, 4, 5][two:five], "abcdef"[two:], "abcdef"[::two], slice(two, five).indices(10))),
    ("repetition", lambda: ("ab" * two, [0] * two, two * "ab", (1,) * N(3), b"x" * two)),
    ("str padding", lambda: ("abc".center(N(7), "*"), "x".zfill(five), "7".rjust(two), "a\tb".expandtabs(two))),
    ("str search", lambda: ("a,b,c".split(",", N(1)), "abcabc".find("c", two), "aaa".count("a", N(1)), "abcdef".startswith("cd", two))),
    ("round/pow", lambda: (round(3.14159, two), pow(2, 5, five), int("11", base=two))),
    ("chr/bytes", lambda: (chr(N(65)), bytes(N(3)), bytearray([N(104), N(105)]), [10, 20, 30].pop(N(0)))),
    ("list assign", lambda: (lambda lst: (lst.__setitem__(two, "x"), lst.__delitem__(N(0)), lst.insert(N(1), "y"), lst)[-1])(list(range(6)))),
    ("int()", lambda: int(five)),
    ("format", lambda: format(N(10), "x")),
]
for label, fn in checks:
    try:
        print(label, fn())
    except (TypeError, ValueError, IndexError) as e:
        print(label, type(e).__name__, e)
class Bad:
    def __index__(self):
        return "not int"
for op in (lambda: [1][N(5)], lambda: [1, 2][Bad()], lambda: bin(2.0), lambda: range(1.5), lambda: "ab" * 2.0, lambda: hex(Bad())):
    try:
        print(op())
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
