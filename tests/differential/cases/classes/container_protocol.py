# container dunders: __len__, __getitem__ (int, slice, tuple keys), __setitem__, __delitem__, __contains__, __iter__
class Deck:
    def __init__(self, cards): self._cards = list(cards)
    def __len__(self): return len(self._cards)
    def __getitem__(self, i):
        if isinstance(i, slice):
            return Deck(self._cards[i])
        return self._cards[i]
    def __setitem__(self, i, v): self._cards[i] = v
    def __delitem__(self, i): del self._cards[i]
    def __repr__(self): return f"Deck({self._cards})"

d = Deck("ABCDE")
print(len(d), d[0], d[-1], d[1:4], d[::-2])
d[0] = "Z"
del d[1]
print(d, "C" in d, "Q" in d)
print(list(d), list(reversed(d)), sorted(d))
print(bool(Deck([])), bool(d))
try:
    d[10]
except IndexError as e:
    print(type(e).__name__, e)
class Count:
    def __init__(self, n): self.n = n
    def __iter__(self): return iter(range(self.n))
    def __contains__(self, x):
        print("contains", x)
        return 0 <= x < self.n
print(list(Count(3)), 2 in Count(3), 5 in Count(3))
a, b, c = Count(3)
print(a, b, c, max(Count(4)), sum(Count(5)))
class Matrix:
    def __getitem__(self, key): return key
m = Matrix()
print(m[1, 2], m[1:2, ::3], m[...], m["k"])
