# random: seeded shuffle, sample, choices with weights, Random instances and state
import random

random.seed(42)
deck = list(range(20))
random.shuffle(deck)
print(deck)
print(random.sample(range(100), 5), random.sample("abcdef", 3), random.sample([1, 2, 3], 0))
print(random.choices("abc", k=6))
print(random.choices(["win", "lose"], weights=[1, 9], k=8))
print(random.choices(range(5), cum_weights=[1, 2, 3, 4, 10], k=5))
print(random.sample(range(10**9), 3), random.sample(["x", "y", "z"], counts=[1, 2, 3], k=4))
r1 = random.Random(7)
r2 = random.Random(7)
print(r1.random() == r2.random(), r1.randint(1, 1000), r2.randint(1, 1000))
state = random.getstate()
a = [random.random() for _ in range(3)]
random.setstate(state)
print(a == [random.random() for _ in range(3)])
try:
    random.sample([1, 2], 3)
except ValueError as e:
    print(type(e).__name__, e)
s = list("hello world")
random.Random(1).shuffle(s)
print("".join(s))
