# random: seeded random/randint/randrange/choice/uniform must reproduce CPython's sequence
import random

random.seed(12345)
print([round(random.random(), 12) for _ in range(3)])
print([random.randint(1, 6) for _ in range(10)])
print([random.randrange(0, 100, 7) for _ in range(5)], random.randrange(10))
print(random.choice("abcdefg"), random.choice([10, 20, 30]), random.choice(range(1000)))
print(round(random.uniform(-5, 5), 10), round(random.uniform(2, 1), 10))
print(random.getrandbits(64), random.getrandbits(1), random.randint(-10**20, 10**20))
random.seed(12345)
print(round(random.random(), 12))
random.seed("text seed")
print(random.randint(0, 10**6))
random.seed(b"bytes")
print(random.random())
random.seed(-7)
print(random.random())
random.seed(2**100)
print(random.randint(1, 100))
try:
    random.choice([])
except IndexError as e:
    print(type(e).__name__, e)
try:
    random.randint(5, 1)
except ValueError as e:
    print(type(e).__name__, e)
