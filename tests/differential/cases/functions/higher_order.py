# higher-order functions: functools.partial, reduce, function factories, callbacks, operator module
import functools
import operator

def power(base, exp):
    return base ** exp
square = functools.partial(power, exp=2)
two_to = functools.partial(power, 2)
print(square(7), two_to(10), square.func is power, square.keywords, two_to.args)

print(functools.reduce(operator.add, [1, 2, 3, 4]))
print(functools.reduce(lambda acc, x: acc * x, range(1, 6), 1))
print(functools.reduce(operator.add, [], 0))
try:
    functools.reduce(operator.add, [])
except TypeError as e:
    print(type(e).__name__, e)

def apply_n(f, n):
    def run(x):
        for _ in range(n):
            x = f(x)
        return x
    return run
print(apply_n(lambda x: x * 2, 10)(1))

def pipeline(*fns):
    return lambda x: functools.reduce(lambda v, f: f(v), fns, x)
p = pipeline(str.strip, str.upper, lambda s: s + "!")
print(p("  hello "))
print(sorted(["b", "A", "c"], key=str.lower), list(map(operator.itemgetter(1), [(1, 2), (3, 4)])))
print(sorted([(1, "b"), (0, "a")], key=operator.itemgetter(1)), operator.attrgetter("real")(3 + 4j))
print(operator.methodcaller("split", ",")("a,b,c"))
print(list(map(operator.mul, [1, 2, 3], [4, 5, 6])), all(map(callable, [len, print])))
