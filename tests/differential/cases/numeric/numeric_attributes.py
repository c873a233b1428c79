# Checks .real/.imag/.numerator/.denominator/.conjugate() on int, bool, float and complex
for v in [5, -3, True, 2 ** 70]:
    print(v.real, v.imag, v.numerator, v.denominator, v.conjugate())
print((2.5).real, (2.5).imag, (2.5).conjugate(), (1 + 2j).real, (1 + 2j).imag)
print(type((5).real).__name__, type(True.real).__name__, type((2.5).imag).__name__)
print(int.__name__, float.__name__, complex.__name__, int.__mro__[-1].__name__)
print(hasattr(1.0, 'numerator'), hasattr(1, 'is_integer'), hasattr(1j, 'real'))
try:
    (1.5).numerator
except AttributeError as e:
    print(type(e).__name__, e)
try:
    (5).foo
except AttributeError as e:
    print(type(e).__name__, e)
try:
    (5).real = 3
except AttributeError as e:
    print(type(e).__name__, e)
print(int.from_bytes is not None, callable(float.fromhex), (255).__format__('x'), (1.5).__repr__())
print(sorted(n for n in dir(int) if not n.startswith('_')))
print(sorted(n for n in dir(float) if not n.startswith('_')))
