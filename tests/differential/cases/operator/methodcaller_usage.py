# operator.methodcaller with positional and keyword arguments, in map/sorted
import operator
up = operator.methodcaller("upper")
print(up("hello"), list(map(up, ["a", "bc"])))
split2 = operator.methodcaller("split", ",", 1)
print(split2("a,b,c"))
rep = operator.methodcaller("replace", "a", "o")
print(rep("banana"))
fmt = operator.methodcaller("format", name="Ada", n=3)
print(fmt("{name} has {n}"))
print(sorted(["b", "A", "c"], key=operator.methodcaller("lower")))
d = {"x": 1}
print(operator.methodcaller("get", "y", "default")(d), operator.methodcaller("get", "x")(d))
print(repr(operator.methodcaller("split", ",", maxsplit=1)))
lst = [3, 1, 2]
operator.methodcaller("sort", reverse=True)(lst)
print(lst)
try:
    operator.methodcaller("nosuch")("s")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    operator.methodcaller(42)
except TypeError as e:
    print(type(e).__name__, e)
