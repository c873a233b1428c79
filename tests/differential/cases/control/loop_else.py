# for/while with else clauses, break and continue, nested loops, loop variable after the loop
def find(items, target):
    for i, v in enumerate(items):
        if v == target:
            print("found at", i)
            break
    else:
        print("not found")
for args in (([4, 5, 6], 5), ([4, 5, 6], 9), ([], 1)):
    find(*args)
primes = []
for n in range(2, 30):
    for d in range(2, int(n ** 0.5) + 1):
        if n % d == 0:
            break
    else:
        primes.append(n)
print(primes)
n = 0
while n < 5:
    n += 1
    if n == 3:
        continue
    print("n", n)
else:
    print("while finished normally")
k = 10
while k:
    k -= 3
    if k < 0:
        print("broke out at", k)
        break
else:
    print("never printed")
for x in range(3):
    pass
for ch in "":
    print("never")
else:
    print("x after loop", x, "and empty for-else runs")
