# map/filter laziness and multiple iterables, any/all short-circuiting and empty inputs
print(list(map(str.upper, ["a", "b"])), list(map(pow, [2, 3], [3, 2])), list(map(lambda x, y, z: x + y + z, "ab", "cd", "efg")))
print(list(filter(None, [0, 1, "", "x", None, [], [0]])), list(filter(str.isdigit, "a1b2")), list(filter(lambda n: n % 3 == 0, range(10))))
calls = []
def trace(x):
    calls.append(x)
    return x * 2
m = map(trace, [1, 2, 3])
print(calls, next(m), calls, list(m), calls, list(m))
print(any([]), all([]), any([0, "", None]), all([1, "a", [0]]), any(x > 2 for x in [1, 5]), all(x > 0 for x in [1, -1]))
seen = []
def check(x):
    seen.append(x)
    return x > 2
print(any(check(x) for x in [1, 3, 5, 7]), seen)
seen.clear()
print(all(check(x) for x in [3, 4, 1, 9]), seen)
print(sum(map(int, "12345")), dict(map(lambda kv: (kv[1], kv[0]), {"a": 1}.items())), tuple(filter(bool, (0, 2))))
print(type(map(str, [])).__name__, type(filter(None, [])).__name__, iter(m) is m, list(map(len, [[], "ab", {1: 2}])))
print(list(zip(*map(divmod, [7, 8], [2, 3]))), sorted(filter(lambda w: len(w) > 2, "a bb ccc dddd".split()), reverse=True))
for op in (lambda: list(map(None, [1])), lambda: map(len), lambda: list(map(int, ["1", "x"])), lambda: filter(None, 5),
           lambda: any(5), lambda: list(filter(lambda: True, [1]))):
    try:
        print(op())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
