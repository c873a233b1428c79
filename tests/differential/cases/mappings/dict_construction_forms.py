# Ways to construct dicts: literals, dict() with kwargs, pairs, zip, mapping, and errors
print({}, {"a": 1, "b": 2}, dict(), dict(a=1, b=2))
print(dict([("x", 1), ("y", 2)]), dict(zip("abc", range(3))), dict({"k": "v"}, extra=1))
print(dict([("a", 1)], a=2), dict(((1, 2), [3, 4])), dict(["ab", "cd"]))
print({"a": 1, "a": 2}, {1: "int", 1.0: "float", True: "bool"})
print(dict.fromkeys("abc"), dict({1: 2}.items()), {**{"a": 1}, "b": 2, **{"a": 3}})
class KeysOnly:
    def keys(self):
        return ["p", "q"]
    def __getitem__(self, k):
        return k.upper()
print(dict(KeysOnly()), {**KeysOnly()})
try:
    dict([("a", 1, 2)])
except ValueError as e:
    print(type(e).__name__, e)
try:
    dict([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    dict(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    {[1]: 2}
except TypeError as e:
    print(type(e).__name__, e)
try:
    dict({}, {})
except TypeError as e:
    print(type(e).__name__, e)
