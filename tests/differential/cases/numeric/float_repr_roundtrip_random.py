# Checks float repr round-trips and repr of seeded random floats and products
import random
random.seed(12345)
vals = [random.random() * 10 ** random.randint(-20, 20) for _ in range(12)]
for v in vals:
    r = repr(v)
    print(r, float(r) == v, len(r) <= 24)
print(all(float(repr(x / 7)) == x / 7 for x in range(1, 2000)))
print([round(random.uniform(-1, 1), 3) for _ in range(5)])
print([x * 0.1 for x in range(10)])
print([1 / x for x in range(1, 10)])
print([2 ** -x for x in range(0, 60, 7)])
print([10.0 ** x for x in range(-6, 25, 3)])
