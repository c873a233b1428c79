# zip with unequal lengths, unzipping, and strict=True errors
print(list(zip([1, 2, 3], "abc")))
print(list(zip([1, 2, 3], "ab")))
print(list(zip()))
print(list(zip([1, 2])))
print(list(zip(range(3), range(10, 13), range(20, 23))))
pairs = [(1, "a"), (2, "b"), (3, "c")]
nums, letters = zip(*pairs)
print(nums, letters)
print(dict(zip("abc", range(3))))
print(list(zip([1, 2], [3, 4], strict=True)))
try:
    list(zip([1, 2, 3], [4, 5], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
try:
    list(zip([1], [4, 5], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
try:
    list(zip([1, 2], [3, 4], [5], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
try:
    list(zip([1, 2], [3, 4], [5, 6, 7], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(col) for col in zip(*matrix)])
try:
    zip(1, [2])
except TypeError as e:
    print(type(e).__name__, e)
