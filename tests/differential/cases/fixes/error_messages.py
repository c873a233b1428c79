# errors worded as CPython: concatenation, int division by zero, next() of a non-iterator, indexes, list.index/remove
fs = [lambda: 'abc'[5], lambda: bytearray(b'a')[4], lambda: 'abc'[-9], lambda: 'abc'.__getitem__(9), lambda: 'a' + 1, lambda: [1] + (2,), lambda: (1,) + [2],
      lambda: b'a' + 'b', lambda: bytearray(b'a') + 1, lambda: 1 // 0, lambda: 1 % 0, lambda: divmod(1, 0), lambda: True // False, lambda: (5).__mod__(0),
      lambda: next([]), lambda: next(5), lambda: [].index(3), lambda: [1].index('x'), lambda: [1, 2].remove(3), lambda: (1,).index(5), lambda: b'a'[3]]
for f in fs:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
class R:
    def __radd__(self, other):
        return 'radd ' + other
print('a' + R(), [1] + [2], (1,) + (2,), b'a' + bytearray(b'b'), next(iter([7])), next(iter([]), 'default'))
