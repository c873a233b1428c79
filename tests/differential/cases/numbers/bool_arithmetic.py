# bool is a subclass of int: arithmetic, comparisons, sums, reprs, and operators that keep bool
print(True + True, True * 10, False - 1, True / 2, True // 2, -True, +False, abs(True))
print(True == 1, False == 0, True == 1 == 1.0, True > False, 1.0 == True, True in [1])
print(sum([True, False, True, True]), sum(x > 2 for x in range(6)), max(True, 0), min(False, 0))
print(isinstance(True, int), issubclass(bool, int), type(True + 1).__name__, type(True & True).__name__)
print(True & 1, type(True & 1).__name__, True | False, type(True | False).__name__, True ^ 3)
print(str(True), repr(False), int(True), float(False), bool(0.0), bool(-1), bool(""), bool("0"))
print(f"{True}", f"{True:d}", f"{True:>6}", "%d %s %r" % (True, True, False), format(False, "5.2f"))
print({True: "a", 1: "b", 1.0: "c"}, {0, False, 0.0}, [True] * 3)
print(True ** 10, 2 ** True, divmod(True, True), True << 4, hash(True) == hash(1))
print(bool.__name__, True.real, True.imag, True.numerator, True.denominator, (True).conjugate())
print(sorted([True, 0, -1, False, 1]), [1, 2, 3][True], "abc"[False:True])
try:
    class B(bool):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(True / False)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
