# enumerate with default and custom start values
fruits = ["apple", "banana", "cherry"]
print(list(enumerate(fruits)))
print(list(enumerate(fruits, 1)))
print(list(enumerate(fruits, start=-2)))
print(list(enumerate("hé", 10**20)))
for i, ch in enumerate("abc", start=100):
    print(i, ch)
e = enumerate([10, 20])
print(next(e), next(e))
try:
    next(e)
except StopIteration:
    print("exhausted")
print(dict(enumerate("xyz")))
print(list(enumerate([])))
print([i * v for i, v in enumerate(range(5))])
try:
    enumerate([1], start="a")
except TypeError as ex:
    print(type(ex).__name__, ex)
print(type(enumerate([])).__name__, iter(e) is e)
