# operator in-place functions and setitem/delitem/getitem on lists and dicts
import operator
lst = [1, 2]
r = operator.iadd(lst, [3])
print(r, lst, r is lst)
t = (1,)
r2 = operator.iadd(t, (2,))
print(r2, t)
print(operator.imul("ab", 2), operator.isub(10, 3), operator.ipow(2, 5), operator.ior({1}, {2}))
d = {}
operator.setitem(d, "k", 1)
operator.setitem(d, "j", 2)
operator.delitem(d, "k")
print(d, operator.getitem(d, "j"))
seq = list(range(6))
operator.setitem(seq, slice(0, 2), ["a"])
operator.delitem(seq, slice(None, None, 2))
print(seq, operator.getitem("hello", slice(1, 4)))
class Acc:
    def __init__(self): self.v = 0
    def __iadd__(self, o):
        self.v += o
        return self
a = Acc()
print(operator.iadd(a, 5).v, operator.iadd(a, 2).v)
try:
    operator.delitem([], 0)
except IndexError as e:
    print(type(e).__name__, e)
try:
    operator.add(1, "a")
except TypeError as e:
    print(type(e).__name__, e)
