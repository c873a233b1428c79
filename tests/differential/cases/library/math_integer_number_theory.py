# math: big-integer helpers, primes via isqrt, comb/perm identities and float conversions
import math

def is_prime(n):
    return n > 1 and all(n % p for p in range(2, math.isqrt(n) + 1))
print([n for n in range(50) if is_prime(n)])
print(math.isqrt(2 ** 200) == 2 ** 100, math.isqrt(99), math.factorial(30) // math.factorial(28))
print(sum(math.comb(10, k) for k in range(11)), math.comb(100, 50), math.comb(5, 0), math.perm(4, 0))
print(math.gcd(2 ** 64, 6 ** 20), math.lcm(), math.gcd(), math.lcm(0, 5), math.gcd(-12, -18))
print(math.log(2 ** 1000), math.log2(2 ** 1000), math.log10(10 ** 300), math.log(10 ** 400))
print(math.trunc(1e20), int(1e20), math.floor(-1e-300), float(2 ** 63), math.ldexp(1, 1023))
print(math.fsum([1e16, 1.0, -1e16]), sum([1e16, 1.0, -1e16]), math.fsum([]))
print(2 ** 0.5 == math.sqrt(2), math.pow(10, -2), math.exp(-745.2), math.sqrt(1e-320))
try:
    math.comb(-1, 2)
except ValueError as e:
    print(type(e).__name__, e)
try:
    float(10 ** 400)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    math.isqrt(-4)
except ValueError as e:
    print(type(e).__name__, e)
print(math.pow(0, 0), math.pow(-8, 1 / 3) if False else abs(-8) ** (1 / 3), (-8) ** (1 / 3))
