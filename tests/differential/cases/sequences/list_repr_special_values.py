# repr/str of lists and tuples holding special values, nesting and recursion
print([1.0, -0.0, float("inf"), float("nan"), 1e16, 1e-5, 0.1 + 0.2])
print([None, True, ..., NotImplemented, "it's", 'say "hi"', "tab\t", "é", "\u2603"])
print((1,), ((1,),), [()], [[], [[]]], ([],), tuple([[]]))
print(str([1, "a"]), repr(("a",)), f"{[1, 2]!r}", "%s" % ([1],), format([1, 2]))
a = [1]
a.append(a)
t = (a,)
print(a, t)
d = {"k": [1]}
d["k"].append(d)
print(d)
print([b"x", bytearray(b"y"), range(3), slice(1), 3 + 4j, -2j])
print([10**20, -5, 0x10, 0o7, 0b11, 1_000])
print(repr([]) == "[]", repr(()) == "()", str([""]))
class R:
    def __repr__(self):
        return "R!"
    def __str__(self):
        return "str-R"
print([R()], (R(),), str(R()), f"{R()}")
