# random.choices with weights, cum_weights and k, after seeding
import random
random.seed(2024)
print(random.choices("abc", k=10))
print(random.choices(["win", "lose"], weights=[1, 9], k=10))
print(random.choices(range(5), cum_weights=[1, 2, 3, 4, 10], k=8))
print(random.choices([1, 2, 3], weights=[0.2, 0.5, 0.3], k=6))
print(random.choices(["only"], k=3), random.choices("ab", k=0))
print(random.choices("xyz", weights=[0, 0, 1], k=4))
for kwargs in [dict(weights=[1, 2]), dict(weights=[0, 0, 0]), dict(weights=[1, 1, 1], cum_weights=[1, 2, 3])]:
    try:
        random.choices("abc", k=2, **kwargs)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    random.choices([], k=1)
except IndexError as e:
    print(type(e).__name__, e)
