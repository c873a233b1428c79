# Checks str subclasses: method return types, overridden __str__/__repr__, format behaviour
class Tag(str):
    def shout(self):
        return self.upper() + "!"
t = Tag("hello")
print(t, repr(t), t.shout(), type(t.upper()).__name__, type(t + "x").__name__, type(t[1:]).__name__)
print(isinstance(t, str), t == "hello", len(t), t.split("l"), type(str(t)).__name__, f"{t:>7}|")
class Loud(str):
    def __str__(self):
        return "LOUD"
    def __repr__(self):
        return "Loud()"
L = Loud("quiet")
print(L, str(L), repr(L), f"{L}", f"{L!s}", "%s" % L, "{}".format(L), L + "", L.upper(), [L])
class Ci(str):
    def __eq__(self, other):
        return self.lower() == str(other).lower()
    __hash__ = str.__hash__
print(Ci("ABC") == "abc", "abc" == Ci("ABC"), Ci("x") in ["X"], Ci("Q") != "q")
class Path(str):
    def __truediv__(self, other):
        return Path(self + "/" + other)
print(Path("usr") / "lib" / "python", type(Path("a") / "b").__name__)
print(str.__len__(t), str.upper(t), "".join([t, L]), Tag("a").join(["1", "2"]))
