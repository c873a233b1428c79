# small seeded simulations: dice histogram, random walk, password from string constants, Random subclass
import random
import string
import collections
random.seed(31337)
rolls = collections.Counter(random.randint(1, 6) + random.randint(1, 6) for _ in range(500))
print(sorted(rolls.items()))
random.seed(8)
pos, walk = 0, []
for _ in range(15):
    pos += random.choice((-1, 1))
    walk.append(pos)
print(walk)
rng = random.Random(2718)
print("".join(rng.choice(string.ascii_letters + string.digits) for _ in range(16)))
print(rng.sample(string.ascii_uppercase, 5), rng.randrange(0, 1000, 7), rng.getrandbits(33))
class MyRandom(random.Random):
    pass
m = MyRandom(4)
print(m.random(), m.randint(1, 100), type(m).__name__)
random.seed(10)
cards = [r + s for s in "SHDC" for r in "A23456789TJQK"]
random.shuffle(cards)
print(cards[:10], len(set(cards)))
print(round(random.vonmisesvariate(0, 4), 10), round(random.lognormvariate(0, 0.5), 10), round(random.weibullvariate(1, 2), 10))
