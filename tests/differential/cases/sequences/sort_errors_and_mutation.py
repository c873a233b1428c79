# Sort failures: key raising, comparison errors, list mutated during sort
data = [3, 1, 2]
def bad_key(x):
    if x == 2:
        raise KeyError("no key for 2")
    return x
try:
    data.sort(key=bad_key)
except KeyError as e:
    print(type(e).__name__, e)
print(sorted(data))
items = [5, 4, 3, 2, 1]
def mutating_key(x):
    items.append(x)
    return x
try:
    items.sort(key=mutating_key)
except ValueError as e:
    print(type(e).__name__, e)
print(len(items) >= 5)
class Cmp:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
    def __repr__(self):
        return f"C{self.v}"
print(sorted([Cmp(3), Cmp(1), Cmp(2)]), max([Cmp(3), Cmp(9)]), min([Cmp(3), Cmp(9)]))
class NoCmp:
    pass
try:
    sorted([NoCmp(), NoCmp()])
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([None, 1])
except TypeError as e:
    print(type(e).__name__, e)
print(sorted([1]), sorted([NoCmp()]) != [])
print(sorted([0.5, float("inf"), -float("inf"), -0.0, 0.0]))
