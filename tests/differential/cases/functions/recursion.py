# recursion: factorial, fibonacci, permutations, flattening, mutual recursion, Ackermann, RecursionError
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(0), fact(10), fact(30))

def flatten(x):
    if isinstance(x, list):
        return [y for item in x for y in flatten(item)]
    return [x]
print(flatten([1, [2, [3, [4, []]], 5], [[6]]]))

def perms(s):
    if len(s) <= 1:
        return [s]
    return [c + p for i, c in enumerate(s) for p in perms(s[:i] + s[i + 1:])]
print(perms("abc"), len(perms("abcde")))

def is_even(n): return True if n == 0 else is_odd(n - 1)
def is_odd(n): return False if n == 0 else is_even(n - 1)
print(is_even(100), is_odd(7))

def ack(m, n):
    if m == 0: return n + 1
    if n == 0: return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))
print(ack(2, 3))

def hanoi(n, a="A", b="B", c="C"):
    if n == 0:
        return []
    return hanoi(n - 1, a, c, b) + [(a, c)] + hanoi(n - 1, b, a, c)
print(len(hanoi(10)), hanoi(2))

def depth(d):
    return depth(d + 1)
try:
    depth(0)
except RecursionError as e:
    print(type(e).__name__, e)
