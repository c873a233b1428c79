# In-place list operators +=, *= and concatenation rules
a = [1, 2]
a += (3, 4)
a += range(5, 7)
a += "xy"
print(a)
try:
    a = a + (1,)
except TypeError as e:
    print(type(e).__name__, e)
b = [0, 1]
alias = b
b *= 3
print(b, alias is b)
b *= 0
print(b, alias)
c = [None] * 3 + [1] * 2
print(c, [1, 2] * True, 2 * [3])
try:
    [1] * 2.0
except TypeError as e:
    print(type(e).__name__, e)
try:
    [1] * "a"
except TypeError as e:
    print(type(e).__name__, e)
t = (1,)
t_alias = t
t += (2,)
print(t, t_alias, t is t_alias)
try:
    t += [3]
except TypeError as e:
    print(type(e).__name__, e)
print((1, 2) * -5, () * 10, [] + [], (1,) * 3 == (1, 1, 1))
print(list("ab") + ["c"], tuple([1]) + tuple("z"))
