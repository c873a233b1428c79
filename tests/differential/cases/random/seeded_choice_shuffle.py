# random.choice, shuffle and sample after seeding: exact results match CPython
import random
random.seed(100)
colors = ["red", "green", "blue", "yellow", "purple"]
print([random.choice(colors) for _ in range(8)])
print(random.choice("abcdef"), random.choice(range(1000)), random.choice((True, False)))
deck = list(range(20))
random.shuffle(deck)
print(deck)
random.shuffle(deck)
print(deck)
print(random.sample(colors, 3), random.sample(range(100), 5), random.sample("xyz", 3))
print(random.sample(range(10**6), 4), random.sample(colors, 0))
print(random.sample(["a", "b"], k=4, counts=[1, 3]))
try:
    random.choice([])
except IndexError as e:
    print(type(e).__name__, e)
try:
    random.sample(colors, 9)
except ValueError as e:
    print(type(e).__name__, e)
