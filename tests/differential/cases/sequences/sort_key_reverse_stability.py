# list.sort with key, reverse, and sort stability
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
w = words[:]
w.sort()
print(w)
w.sort(key=str.lower)
print(w)
w.sort(key=len, reverse=True)
print(w)
pairs = [(1, "b"), (0, "a"), (1, "a"), (0, "b"), (2, "c")]
pairs.sort(key=lambda p: p[0])
print(pairs)
pairs.sort(key=lambda p: p[0], reverse=True)
print(pairs)
nums = [5, -3, 2, -8, 0, 7]
nums.sort(key=abs)
print(nums)
nums.sort(reverse=True)
print(nums)
e = []
e.sort()
print(e)
try:
    [1, "a", 2].sort()
except TypeError as ex:
    print(type(ex).__name__, ex)
print([3.5, 1, 2.25, True].copy().sort() is None)
mixed = [3.5, 1, 2.25, True, 0]
mixed.sort()
print(mixed)
try:
    [1, 2].sort(lambda x: x)
except TypeError as ex:
    print(type(ex).__name__)
