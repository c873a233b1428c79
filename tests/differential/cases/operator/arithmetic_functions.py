# operator arithmetic, comparison, logical and sequence functions, and operator.index
import operator
from functools import reduce
print(operator.add(2, 3), operator.sub(2, 3), operator.mul("ab", 3), operator.truediv(7, 2), operator.floordiv(-7, 2))
print(operator.mod(-7, 3), operator.pow(2, 10), operator.neg(5), operator.pos(-5), operator.abs(-3.5))
print(operator.and_(12, 10), operator.or_(12, 10), operator.xor(12, 10), operator.invert(5), operator.lshift(1, 8), operator.rshift(256, 4))
print(operator.lt(1, 2), operator.le(2, 2), operator.eq("a", "a"), operator.ne(1, 1), operator.gt(1, 2), operator.ge(3, 2))
print(operator.not_(0), operator.truth([]), operator.is_(None, None), operator.is_not(1, None))
print(operator.concat([1], [2]), operator.contains("abc", "b"), operator.countOf([1, 2, 1], 1), operator.indexOf("abc", "c"))
print(reduce(operator.mul, range(1, 6)), reduce(operator.add, ["a", "b", "c"]))
print(operator.matmul.__name__, operator.__add__(1, 1), operator.length_hint([1, 2, 3]), operator.length_hint(iter([]), 5))
print(operator.index(7), operator.index(True), operator.index(-10**20))
class N:
    def __index__(self):
        return 42
print(operator.index(N()), [0, 1, 2, 3][operator.index(True)])
try:
    operator.index(3.0)
except TypeError as e:
    print(type(e).__name__, e)
try:
    operator.truediv(1, 0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    operator.indexOf([1, 2], 9)
except ValueError as e:
    print(type(e).__name__, e)
