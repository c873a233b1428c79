# integer parameters take any object with __index__
class I:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
print(bin(I(5)), oct(I(8)), hex(I(255)), chr(I(97)))
print('ab'.center(I(6), '*'), 'ab'.ljust(I(4), '-'), 'ab'.rjust(I(4)), '7'.zfill(I(3)), 'a\tb'.expandtabs(I(4)))
print('abcabc'.find('c', I(3)), 'abcabc'.rfind('a', 0, I(3)), 'abcabc'.index('b', I(2)), 'aaaa'.count('a', I(1), I(3)))
print('abc'.startswith('b', I(1)), 'abc'.endswith('b', 0, I(2)), 'a b c'.split(' ', I(1)), 'a b c'.rsplit(None, I(1)))
print(b'ab'.center(I(5)), b'abcabc'.find(b'c', I(3)), bytearray(b'ab').pop(I(0)), b'abc'.hex(':', I(1)))
l = [1, 2, 3]
l.insert(I(1), I(9))
print(len(l), l.pop(I(0)), [1, 2, 1].index(1, I(1)), (1, 2, 1).index(1, I(1)), (5).to_bytes(I(2), 'big'))
print(type(l[0]).__name__)
try:
    'ab'.center(I(-1) if False else 1.5)
except TypeError as e:
    print(type(e).__name__)
