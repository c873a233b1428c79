# assert statements: passing, failing with and without messages, message evaluation laziness, AssertionError args
def check_positive(n):
    assert n > 0, f"expected positive, got {n}"
    return n
print(check_positive(5))
try:
    check_positive(-2)
except AssertionError as e:
    print(type(e).__name__, e, e.args)
try:
    assert 1 == 2
except AssertionError as e:
    print(type(e).__name__, repr(str(e)), e.args)
evaluated = []
def msg():
    evaluated.append(1)
    return "lazy"
assert True, msg()
print(evaluated)
try:
    assert [], msg()
except AssertionError as e:
    print(e, evaluated)
try:
    assert 0, ("tuple", 1)
except AssertionError as e:
    print(e.args)
try:
    assert None, 42
except AssertionError as e:
    print(repr(e))
print(__debug__)
assert (1, 2), "non-empty tuple is truthy"
def average(xs):
    assert xs, "empty list"
    return sum(xs) / len(xs)
print(average([1, 2, 3]))
average([])
