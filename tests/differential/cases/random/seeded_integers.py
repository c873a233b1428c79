# random.randint and randrange after seeding: exact sequences, ranges, steps, errors
import random
random.seed(1)
print([random.randint(1, 6) for _ in range(20)])
random.seed(2)
print([random.randrange(10) for _ in range(10)])
print([random.randrange(5, 50, 5) for _ in range(8)])
print([random.randrange(-10, 0) for _ in range(5)])
print(random.randint(0, 10**30), random.randrange(10**20, 10**21))
random.seed(3)
print(random.randint(7, 7), [random.randrange(0, 100, 33) for _ in range(6)])
for args in [(0,), (5, 5), (1, 10, 0)]:
    try:
        random.randrange(*args)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    random.randint(3, 1)
except ValueError as e:
    print(type(e).__name__, e)
