# operator: using operator functions with sorted/map/reduce and in-place operators on objects
import operator as op
from functools import reduce

inventory = [{"item": "pen", "qty": 10, "price": 1.5}, {"item": "ink", "qty": 2, "price": 7.0},
             {"item": "pad", "qty": 10, "price": 3.25}]
print([d["item"] for d in sorted(inventory, key=op.itemgetter("qty", "price"), reverse=True)])
print(list(map(op.mul, [1, 2, 3], [4, 5, 6])), list(map(op.neg, [1, -2])), reduce(op.or_, [1, 2, 8]))
print(reduce(op.concat, ["a", "b", "c"]), reduce(op.xor, range(10)), sum(map(op.mul, [1, 2], [3, 4])))
print(list(filter(op.truth, [0, 1, "", "x", None, []])), sorted("bAc", key=op.methodcaller("lower")))
class Acc:
    def __init__(self, v): self.v = v
    def __iadd__(self, o):
        self.v += o
        return self
    def __add__(self, o): return Acc(self.v + o)
    def __repr__(self): return f"Acc({self.v})"
a = Acc(1)
b = op.iadd(a, 5)
print(a, b is a, op.add(a, 1), a)
s = "abc"
print(op.iadd(s, "d"), s, op.imul([0], 3), op.ipow(2, 5), op.itruediv(9, 2), op.imatmul.__name__)
print(op.getitem([1, 2, 3], slice(1, None)), op.itemgetter(slice(None, None, -1))("abc"))
print(op.lt.__name__, op.__lt__ is op.lt, op.is_not(1, None), op.xor(True, True))
try:
    op.add(1, "a")
except TypeError as e:
    print(type(e).__name__, e)
