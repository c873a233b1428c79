# operator functions combined with sorted, max, map, functools.reduce and itertools in typical programs
import operator
import functools
import itertools
inventory = [{"item": "apple", "qty": 3, "price": 0.5}, {"item": "pear", "qty": 0, "price": 0.75},
             {"item": "fig", "qty": 12, "price": 0.2}]
print([d["item"] for d in sorted(inventory, key=operator.itemgetter("price"), reverse=True)])
print(max(inventory, key=operator.itemgetter("qty"))["item"])
print(list(map(operator.mul, [1, 2, 3], [4, 5, 6])), sum(map(operator.mul, [1, 2, 3], [4, 5, 6])))
print(functools.reduce(operator.or_, [{1}, {2}, {1, 3}]), functools.reduce(operator.xor, [5, 3, 5]))
print(list(itertools.accumulate([1, 2, 3, 4], operator.mul)), list(itertools.starmap(operator.pow, [(2, 3), (3, 2)])))
pairs = [("b", 2), ("a", 2), ("c", 1)]
print(sorted(pairs, key=operator.itemgetter(1, 0)), sorted(pairs, key=lambda p: (-p[1], p[0])))
print(list(filter(operator.truth, [0, 1, "", "x", None, [], [0]])))
print(list(map(operator.neg, range(3))), list(map(operator.getitem, ["abc", "de"], [0, 1])))
double = functools.partial(operator.mul, 2)
print(double(21), list(map(double, "ab")))
print(sorted(["aa", "b", "ccc"], key=operator.length_hint if False else len))
print(functools.reduce(operator.add, [[1], [2, 3], []], []), functools.reduce(operator.concat, ["x", "y"]))
