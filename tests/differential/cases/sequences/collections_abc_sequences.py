# collections.abc Sequence/MutableSequence checks and a Sequence subclass with mixins
from collections import abc
print(isinstance([], abc.MutableSequence), isinstance((), abc.MutableSequence))
print(isinstance((), abc.Sequence), isinstance(range(3), abc.Sequence), isinstance("s", abc.Sequence))
print(isinstance(b"", abc.ByteString), isinstance(bytearray(), abc.MutableSequence))
print(isinstance(iter([]), abc.Iterator), isinstance([], abc.Iterable), isinstance([], abc.Iterator))
print(isinstance(reversed([]), abc.Iterator), isinstance({}, abc.Sequence), isinstance(memoryview(b""), abc.Sequence))
class Squares(abc.Sequence):
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if not 0 <= i < self.n:
            raise IndexError(i)
        return i * i
s = Squares(5)
print(list(s), 9 in s, 10 in s, s.index(16), s.count(4), list(reversed(s)))
print(isinstance(s, abc.Sequence), issubclass(Squares, abc.Reversible), len(s))
try:
    class Incomplete(abc.Sequence):
        pass
    Incomplete()
except TypeError as e:
    print(type(e).__name__, str(e).split(" with")[0])
