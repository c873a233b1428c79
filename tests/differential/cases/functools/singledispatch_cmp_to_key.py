# singledispatch on type with register (decorator, annotation, explicit), dispatch on MRO; cmp_to_key sorting
from functools import singledispatch, singledispatchmethod, cmp_to_key
@singledispatch
def describe(x):
    return f"object {x!r}"
@describe.register
def _(x: int):
    return f"int {x}"
@describe.register(list)
def _(x):
    return f"list of {len(x)}"
def _str(x):
    return f"str {x.upper()}"
describe.register(str, _str)
print(describe(5), describe("ab"), describe([1, 2]), describe(2.5), describe(True), describe(None))
print(describe.dispatch(bool).__name__, describe.dispatch(float) is describe.registry[object], int in describe.registry)
class Fmt:
    @singledispatchmethod
    def show(self, x):
        return "other"
    @show.register
    def _(self, x: float):
        return f"{x:.1f}"
print(Fmt().show(3.14159), Fmt().show("s"))
def compare_len_then_alpha(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a > b) - (a < b)
words = ["pear", "fig", "banana", "kiwi", "apple", "date"]
print(sorted(words, key=cmp_to_key(compare_len_then_alpha)))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)), max(words, key=cmp_to_key(compare_len_then_alpha)))
K = cmp_to_key(lambda a, b: a - b)
print(K(1) < K(2), K(2) == K(2), K(3) >= K(4))
try:
    hash(K(1))
except TypeError as e:
    print(type(e).__name__, e)
