# min and max with key, default, and multiple arguments
print(min(3, 1, 2), max(3, 1, 2))
print(min([4, -7, 2], key=abs), max([4, -7, 2], key=abs))
words = ["pear", "fig", "banana", "kiwi"]
print(min(words), max(words))
print(min(words, key=len), max(words, key=len))
print(max([], default="empty"), min((), default=None))
print(max([5], default=0))
print(max("hello"), min("hello"))
print(max([(1, "b"), (1, "a"), (0, "z")]))
print(max([1, 3, 3.0], key=lambda x: x), max([3.0, 3, 1]))
print(min({"a": 3, "b": 1}, key={"a": 3, "b": 1}.get))
try:
    max([])
except ValueError as e:
    print(type(e).__name__, e)
try:
    min()
except TypeError as e:
    print(type(e).__name__, e)
try:
    max(1, 2, default=0)
except TypeError as e:
    print(type(e).__name__, e)
try:
    min([1, "a"])
except TypeError as e:
    print(type(e).__name__, e)
print(max(range(10**6, 10**6 + 5)), min(-0.0, 0.0), max(float("-inf"), -1e308))
