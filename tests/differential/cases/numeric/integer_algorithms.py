# Checks integer algorithms: gcd by hand, base conversion, digit sums, primes, fibonacci big ints
def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)
print(gcd(48, 18), gcd(-48, 18), gcd(0, 5), gcd(2 ** 100, 6 ** 50))
def to_base(n, b):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    out = []
    while n:
        n, r = divmod(n, b)
        out.append(digits[r])
    return sign + "".join(reversed(out))
for n, b in [(255, 2), (255, 16), (-100, 7), (0, 3), (2 ** 64, 36)]:
    s = to_base(n, b)
    print(s, int(s, b) == n)
print(sum(int(d) for d in str(2 ** 1000)))
sieve = [True] * 100
sieve[0] = sieve[1] = False
for i in range(2, 10):
    for j in range(i * i, 100, i):
        sieve[j] = False
print([i for i, p in enumerate(sieve) if p])
a, b = 0, 1
for _ in range(300):
    a, b = b, a + b
print(a, len(str(a)), a % 1000000007)
print(int(str(a)[::-1]) % 97, (a * a - b * a) % 10 ** 9)
