# itertools.product (incl. repeat), permutations, combinations, combinations_with_replacement
import itertools
print(list(itertools.product("ab", [1, 2])))
print(list(itertools.product([0, 1], repeat=3)))
print(list(itertools.product("ab", "xy", repeat=2))[:5], len(list(itertools.product("ab", "xy", repeat=2))))
print(list(itertools.product()))
print(list(itertools.product([], [1, 2])))
print(["".join(p) for p in itertools.permutations("abc")])
print(list(itertools.permutations(range(4), 2)))
print(list(itertools.permutations([1, 2], 3)))
print(list(itertools.permutations([], 0)))
print(list(itertools.combinations("abcd", 2)))
print(list(itertools.combinations(range(5), 0)), list(itertools.combinations(range(2), 3)))
print(list(itertools.combinations_with_replacement("abc", 2)))
print(len(list(itertools.combinations_with_replacement(range(5), 3))))
print(sum(1 for _ in itertools.permutations(range(6))))
try:
    list(itertools.combinations("abc", -1))
except ValueError as e:
    print(type(e).__name__, e)
try:
    list(itertools.product("ab", repeat=-1))
except ValueError as e:
    print(type(e).__name__, e)
