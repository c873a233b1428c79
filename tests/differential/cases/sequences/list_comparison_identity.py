# List comparison, equality, membership and identity shortcut
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 3], [] < [0], [3] > [2, 100])
print([1, [2, 3]] == [1, [2, 3]], [1, 2] == [2, 1], [1] == (1,))
print([1, 2] <= [1, 2], [1, 2] >= [1, 3], ["b"] > ["a", "z"])
try:
    [1, 2] < (1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    [1, "x"] < [1, 2]
except TypeError as e:
    print(type(e).__name__, e)
class Weird:
    def __eq__(self, other):
        return False
w = Weird()
print(w in [w], [w] == [w], w == w)
nan = float("nan")
print(nan in [nan], [nan].count(nan), [nan].index(nan))
print(2 in [1, 2.0], "a" in ["abc"], [1] in [[1], 2])
a = [1, 2]
b = a
b += [3]
print(a, a is b)
c = a
c = c + [4]
print(a, c, a is c)
print([1, 2] * 0, [0] * -1, [[0]] * 2)
print([x for x in [3, 1, 2] if x != 1] == [3, 2])
