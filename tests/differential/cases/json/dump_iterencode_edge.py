# json edge cases: skipkeys, check_circular, non-str keys, big ints, special floats, subclassed containers
import json
import collections
print(json.dumps({"a": 1, (1, 2): "t"}, skipkeys=True))
try:
    json.dumps({(1, 2): "t"})
except TypeError as e:
    print(type(e).__name__, e)
lst = []
lst.append(lst)
try:
    json.dumps(lst)
except ValueError as e:
    print(type(e).__name__, e)
print(json.dumps(collections.OrderedDict([("z", 1), ("a", 2)])), json.dumps(collections.Counter("aab"), sort_keys=True))
class MyList(list):
    pass
class MyDict(dict):
    pass
print(json.dumps(MyList([1, 2])), json.dumps(MyDict(x=MyList())))
print(json.dumps(2**64), json.dumps(-(10**25)), json.dumps(1.0), json.dumps(1e-7), json.dumps(123456789.0))
print(json.dumps([True, False, None]), json.dumps({"k": True}, indent=1))
print(json.dumps("\u2028\u2029"), json.dumps("\ud800", ensure_ascii=False) == '"\ud800"')
print(json.dumps({"b": 1, "a": {"d": 1, "c": 2}}, sort_keys=True, indent=2, separators=(", ", ": ")))
try:
    json.dumps({"a": 1, 2: 3}, sort_keys=True)
except TypeError as e:
    print(type(e).__name__, e)
print(json.loads(json.dumps({"x": float("inf")})), json.dumps(float("nan")) == "NaN")
