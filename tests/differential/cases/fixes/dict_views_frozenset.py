# dict views compare with frozensets as with sets
d = {1: 'a', 2: 'b'}
k, it = d.keys(), d.items()
print(k == {1, 2}, k == frozenset({1, 2}), k != frozenset({1}), k <= frozenset({1, 2}), k < frozenset({1, 2, 3}))
print(it == frozenset({(1, 'a'), (2, 'b')}), frozenset({1, 2}) == k, frozenset({1}) < k, k > frozenset())
print(sorted(k | frozenset({3})), sorted(k & frozenset({2})), k == [1, 2], {}.keys() == frozenset())
