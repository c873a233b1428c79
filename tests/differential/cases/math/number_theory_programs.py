# math in small number-theory programs: primes with isqrt, pascal rows with comb, fractions with gcd
import math
def is_prime(n):
    if n < 2:
        return False
    return all(n % d for d in range(2, math.isqrt(n) + 1))
print([n for n in range(50) if is_prime(n)], is_prime(2**31 - 1))
print([[math.comb(n, k) for k in range(n + 1)] for n in range(6)])
def reduce_frac(a, b):
    g = math.gcd(a, b)
    return a // g, b // g
print(reduce_frac(84, 126), reduce_frac(-10, 4), math.lcm(*range(1, 21)))
print(math.factorial(20) // (math.factorial(10) ** 2), math.comb(20, 10))
print(math.perm(10, 3), math.prod(range(8, 11)), math.isqrt(99), math.isqrt(100))
print(sum(math.comb(30, k) for k in range(31)) == 2**30, math.gcd(2**100, 6**50) == 2**50)
print(math.fsum(1 / math.factorial(k) for k in range(20)), round(math.fsum(1 / k**2 for k in range(1, 10000)) * 6, 6))
print(math.floor(-0.5), math.ceil(-0.5), round(-0.5), round(1.5), round(2.5), math.floor(7 / 2), -7 // 2)
print(math.isqrt(True), math.gcd(True, 4), math.comb(10**3, 3), math.factorial(25))
