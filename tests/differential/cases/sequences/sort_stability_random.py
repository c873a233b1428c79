# Stability of sort on a larger seeded-random dataset compared to a manual stable sort
import random
random.seed(1234)
records = [(random.randint(0, 9), i) for i in range(300)]
by_key = sorted(records, key=lambda r: r[0])
stable = all(a[1] < b[1] for a, b in zip(by_key, by_key[1:]) if a[0] == b[0])
print(stable, by_key[:5], by_key[-3:])
desc = sorted(records, key=lambda r: r[0], reverse=True)
print(all(a[1] < b[1] for a, b in zip(desc, desc[1:]) if a[0] == b[0]), desc[:3])
buckets = {}
for k, i in records:
    buckets.setdefault(k, []).append((k, i))
manual = [r for k in sorted(buckets) for r in buckets[k]]
print(manual == by_key)
nums = list(range(50))
random.shuffle(nums)
print(nums[:10], sorted(nums) == list(range(50)))
print(random.sample(range(100), 5), random.choice("abcdef"), random.random())
strs = ["".join(random.choice("ab") for _ in range(3)) for _ in range(10)]
print(strs, sorted(strs, key=lambda s: s.count("a")))
