# Checks arbitrary-precision int arithmetic: add, mul, pow, sub, comparisons
a = 2 ** 100
b = 3 ** 70
print(a)
print(b)
print(a + b, a - b)
print(a * b)
print(a * -b)
print(10 ** 30 // 7, 10 ** 30 % 7)
print(-(10 ** 30) // 7, -(10 ** 30) % 7)
print((2 ** 64 - 1) & (2 ** 32 - 1))
print(a > b, a == 2 ** 100, a != b)
print(abs(-a), -a)
f = 1
for i in range(1, 31):
    f *= i
print(f)
print(len(str(2 ** 1000)))
print(sum(range(10 ** 6)))
print(int("9" * 50) + 1)
print(a / b)
