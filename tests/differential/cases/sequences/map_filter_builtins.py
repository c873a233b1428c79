# map and filter, including multiple iterables and None predicate
print(list(map(str.upper, ["a", "b"])))
print(list(map(lambda x, y: x * y, [1, 2, 3], [4, 5])))
print(list(map(pow, [2, 3, 4], [5, 2, 1], [7, 5, 3])))
print(list(filter(None, [0, 1, "", "x", None, [], [0], False, 2.5])))
print(list(filter(lambda n: n % 2, range(10))))
print(list(filter(str.isdigit, "a1b22c3")))
m = map(int, "123")
print(next(m), list(m))
print(sum(map(len, ["ab", "cde", ""])))
print(list(map(abs, [])))
try:
    list(map(int, ["1", "x"]))
except ValueError as e:
    print(type(e).__name__, e)
try:
    map(len)
except TypeError as e:
    print(type(e).__name__, e)
try:
    list(filter(len, [1]))
except TypeError as e:
    print(type(e).__name__, e)
print(type(map(str, [])).__name__, type(filter(None, [])).__name__)
print(list(map(tuple, zip("ab", "cd"))))
