# cmath trig and hyperbolic functions and their inverses, identities checked with isclose
import cmath
z = 0.5 + 0.25j
for name in ["sin", "cos", "tan", "sinh", "cosh", "tanh"]:
    f = getattr(cmath, name)
    v = f(z)
    print(name, round(v.real, 12), round(v.imag, 12))
print(cmath.isclose(cmath.asin(cmath.sin(z)), z), cmath.isclose(cmath.acos(cmath.cos(z)), z))
print(cmath.isclose(cmath.atan(cmath.tan(z)), z), cmath.isclose(cmath.asinh(cmath.sinh(z)), z))
print(cmath.isclose(cmath.acosh(cmath.cosh(z)), z), cmath.isclose(cmath.atanh(cmath.tanh(z)), z))
s, c = cmath.sin(z), cmath.cos(z)
print(cmath.isclose(s * s + c * c, 1))
print(cmath.asin(2), cmath.acos(2))
print(cmath.sin(0), cmath.cos(0), cmath.tanh(0))
