# __call__ makes instances callable; __bool__/__len__ truthiness; __int__/__float__/__complex__/__round__ conversions
class Counter:
    def __init__(self): self.n = 0
    def __call__(self, step=1):
        self.n += step
        return self.n

c = Counter()
print(c(), c(), c(10), callable(c), callable(Counter), callable(3))


class Num:
    def __int__(self): return 7
    def __float__(self): return 2.5
    def __complex__(self): return 1 + 2j
    def __round__(self, n=None): return "rounded" if n is None else f"r{n}"
n = Num()
print(int(n), float(n), complex(n), round(n), round(n, 2))

class Truth:
    def __init__(self, b): self.b = b
    def __bool__(self): return self.b
class Sized:
    def __len__(self): return 0
print(bool(Truth(True)), bool(Truth(False)), bool(Sized()), not Sized())
print("yes" if Truth(False) else "no")
class BadBool:
    def __bool__(self): return 1
try:
    bool(BadBool())
except TypeError as e:
    print(type(e).__name__, e)
try:
    list("abc")[Num()]
except TypeError as e:
    print(type(e).__name__, e)
