# random: seeded gauss/normalvariate/expovariate/triangular/betavariate etc. match CPython
import random

random.seed(2024)
r = lambda x: round(x, 10)
print([r(random.gauss(0, 1)) for _ in range(4)])
print([r(random.normalvariate(10, 2)) for _ in range(3)])
print(r(random.expovariate(1.5)), r(random.triangular(0, 10, 3)), r(random.triangular()))
print(r(random.betavariate(2, 5)), r(random.gammavariate(2.0, 1.0)), r(random.gammavariate(0.5, 1.0)))
print(r(random.lognormvariate(0, 0.5)), r(random.vonmisesvariate(1, 2)), r(random.paretovariate(3)))
print(r(random.weibullvariate(1, 1.5)), r(random.uniform(10, 20)))
random.seed(99)
vals = [random.gauss(100, 15) for _ in range(1000)]
print(r(sum(vals) / len(vals)))
rng = random.Random(5)
print([rng.randint(0, 9) for _ in range(12)])
print(rng.choice(["red", "green", "blue"]), r(rng.gauss(5, 0.1)))
