# generator expressions: laziness, single-pass, use in sum/any/all/min, nesting, early binding of first iterable
nums = [3, 8, 1, 9, 4]
g = (n * 2 for n in nums)
print(type(g).__name__)
print(sum(g), sum(g))
print(any(n > 8 for n in nums), all(n > 0 for n in nums), min(n for n in nums if n > 3))
print(sorted(n % 3 for n in nums), max((n for n in []), default="empty"))
print(list((a, b) for a in range(3) for b in range(a)))
print(dict((str(n), n) for n in nums[:2]))
print(",".join(str(n) for n in nums))

src = [1, 2, 3]
lazy = (x * 10 for x in src)
src.append(4)
print(list(lazy))
src = [1, 2, 3]
lazy = (x for x in src)
src = [9, 9]
print(list(lazy))

calls = []
def trace(x):
    calls.append(x)
    return x
g = (trace(x) for x in range(5))
print(calls, next(g), next(g), calls)
squares = (x * x for x in range(10**9))
print(next(squares), next(squares), next(squares))
print(list(zip((c for c in "abc"), (i for i in range(10)))))
try:
    (1 / x for x in [1, 0]).__next__(), list(1 / x for x in [1, 0])
except ZeroDivisionError as e:
    print(type(e).__name__, e)
