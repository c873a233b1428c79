# functools.reduce with and without initial value, partial with args/keywords, partial attributes
from functools import reduce, partial
import operator
print(reduce(operator.add, [1, 2, 3, 4]), reduce(operator.mul, range(1, 11)), reduce(lambda a, b: a + [b * 2], [1, 2], []))
print(reduce(max, [3, 9, 2]), reduce(operator.add, [], 0), reduce(lambda acc, s: acc + len(s), ["ab", "cde"], 0))
print(reduce(lambda a, b: b + a, "abc"), reduce(operator.or_, [{1}, {2}, {1, 3}]))
try:
    reduce(operator.add, [])
except TypeError as e:
    print(type(e).__name__, e)
def power(base, exp, *, mod=None):
    return pow(base, exp, mod)
square = partial(power, exp=2)
cube_mod = partial(power, exp=3, mod=7)
two_to = partial(power, 2)
print(square(5), cube_mod(4), two_to(10), two_to(exp=5), square(3, exp=3))
print(square.func is power, square.args, square.keywords, two_to.args, cube_mod.keywords)
basetwo = partial(int, base=2)
print(basetwo("1011"), basetwo("11", base=3), list(map(partial(operator.mul, 3), [1, 2, 3])))
p2 = partial(partial(print, "a"), "b", sep="-")
p2("c")
try:
    partial(5)
except TypeError as e:
    print(type(e).__name__, e)
