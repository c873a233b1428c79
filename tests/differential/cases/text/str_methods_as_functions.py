# Checks str methods used unbound with map/sorted/filter and the public str method set
raw = ["  Alice ", "bob", " CAROL", "dave  "]
print(list(map(str.strip, raw)), sorted(map(str.strip, raw), key=str.lower))
print(list(filter(str.isupper, ["A", "b", "CC", "Dd"])), list(map(str.title, ["a b", "c-d"])))
print(str.join("-", "abc"), str.split("a b c"), str.replace("aaa", "a", "b", 2), str.count("banana", "an"))
print(str.__add__("a", "b"), str.__mul__("ab", 2), str.__contains__("abc", "b"), str.__getitem__("abc", -1))
print(str.__len__("héllo"), str.__eq__("a", "a"), str.__lt__("a", "b"), str.__eq__("a", 1))
print(sorted(m for m in dir(str) if not m.startswith("_")))
print(str.upper.__name__, callable(str.lower), "x".upper.__self__ if hasattr("x".upper, "__self__") else None)
try:
    str.upper(5)
except TypeError as e:
    print(type(e).__name__, e)
