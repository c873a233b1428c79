# operator: arithmetic/comparison functions, itemgetter, attrgetter, methodcaller
import operator as op
from collections import namedtuple

print(op.add(2, 3), op.sub(2, 3), op.mul("ab", 3), op.truediv(7, 2), op.floordiv(-7, 2), op.mod(-7, 2))
print(op.pow(2, 10), op.neg(5), op.pos(-5), op.abs(-2.5), op.invert(5), op.lshift(1, 4), op.and_(12, 10))
print(op.lt(1, 2), op.eq("a", "a"), op.ne(1, 1.0), op.ge(3, 3), op.not_(0), op.truth([]), op.is_(None, None))
print(op.contains([1, 2], 2), op.countOf([1, 2, 1], 1), op.indexOf("abc", "c"), op.concat([1], [2]))
rows = [("bob", 3, 9.5), ("amy", 1, 7.0), ("cat", 3, 8.1)]
print(sorted(rows, key=op.itemgetter(1, 0)), op.itemgetter(2)(rows[0]), op.itemgetter(0, -1)("xyz"))
P = namedtuple("P", "name age")
ps = [P("z", 5), P("y", 2)]
print(sorted(ps, key=op.attrgetter("age")), op.attrgetter("name", "age")(ps[0]))
print(op.attrgetter("real.numerator")(3), op.methodcaller("split", ",")("a,b,c"), op.methodcaller("zfill", 5)("42"))
d = {"k": 1}
op.setitem(d, "j", 2); op.delitem(d, "k"); print(d, op.getitem(d, "j"))
x = [1]
print(op.iadd(x, [2]), x, op.index(7), op.length_hint(iter(range(5))))
try:
    op.itemgetter(5)([1])
except IndexError as e:
    print(type(e).__name__, e)
print(repr(op.itemgetter(1)), repr(op.attrgetter("a.b")), repr(op.methodcaller("f", 1, k=2)))
