# set and frozenset operators: | & - ^ and their in-place forms, mixed types
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
fa = frozenset(a)
print(type(fa | b).__name__, type(b | fa).__name__, fa & b, type(fa - {1}).__name__)
s = set(a)
s |= {9}
s &= {1, 2, 9, 10}
s -= {2}
s ^= {1, 7}
print(s)
fs = frozenset([1])
alias = fs
fs |= {2}
print(fs, alias, fs is alias)
try:
    a | [5]
except TypeError as e:
    print(type(e).__name__, e)
try:
    a & "ab"
except TypeError as e:
    print(type(e).__name__, e)
print(a | set(), set() & a, a - a, a ^ a, {1} | {1.0} | {True})
words1 = set("hello world".split())
words2 = {"world", "python"}
print(sorted(words1 | words2), sorted(words1 & words2), sorted(words1 ^ words2))
print(sorted(set("abracadabra") - set("alakazam")), len(set(range(1000)) & set(range(500, 1500))))
