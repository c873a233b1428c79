# itertools: product, permutations, combinations, combinations_with_replacement
from itertools import product, permutations, combinations, combinations_with_replacement

print(list(product("ab", [0, 1])))
print(len(list(product(range(3), repeat=3))), list(product()))
print(list(permutations([1, 2, 3])))
print(list(permutations("abcd", 2))[:5], len(list(permutations(range(5)))))
print(list(combinations("abcd", 2)), list(combinations(range(3), 0)), list(combinations([1], 2)))
print(list(combinations_with_replacement("ab", 3)))
coins = [1, 2, 5]
ways = [c for n in range(1, 4) for c in combinations_with_replacement(coins, n) if sum(c) == 6]
print(ways)
print(["".join(p) for p in permutations("aab")])
print(sum(1 for _ in combinations(range(20), 3)))
