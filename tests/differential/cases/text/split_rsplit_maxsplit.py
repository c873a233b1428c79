# Checks str.split/rsplit with and without sep, maxsplit, empty strings and errors
s = "  the quick  brown\tfox\n jumps  "
print(s.split(), s.split(None, 2), s.rsplit(None, 2), s.split(' '), s.split(maxsplit=1))
csv = "a,b,,c,"
print(csv.split(','), csv.split(',', 2), csv.rsplit(',', 2), csv.rsplit(',', maxsplit=0))
print("".split(), "".split(','), "   ".split(), "   ".split(' '), "abc".split('abc'))
print("a--b--c".split('--'), "a--b--c".rsplit('--', 1), "1<>2<>3".split('<>', -1))
print("path/to/file.tar.gz".rsplit('.', 1), "path/to/file.tar.gz".split('/', 1))
print("ünïcödé wörds hère".split(), "a\u2003b\u00a0c".split(), "x\x1cy\x1dz".split())
print("k=v=w".split("=", 1), "no-sep".split("="), "aaa".split("a"), "aaa".split("aa"))
try:
    "abc".split('')
except ValueError as e:
    print(type(e).__name__, e)
try:
    "abc".split(1)
except TypeError as e:
    print(type(e).__name__, e)
