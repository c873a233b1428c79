# Checks format() of ints with width, fill/align, sign, #, 0, grouping and types b o x X c d n
n = 1234567
for spec in ['', 'd', '10', '<10', '>10', '^10', '*^11', '010', '+', '-', ' ', ',', '_', '+,',
             '012,', 'b', '#b', 'o', '#o', 'x', '#x', 'X', '#X', '_x', '#_b', 'n', '=+12', '0=12']:
    print(repr(spec), repr(format(n, spec)), repr(format(-n, spec)))
print(format(65, 'c'), format(0x263A, 'c'), format(0, 'd'), format(0, '#x'), format(-255, '#X'))
print(format(2 ** 80, ','), format(2 ** 80, '_x'), format(10 ** 20, '.3e'))
print(format(42, '%'), format(42, '.1f'), format(7, 'e'), format(7, 'g'), format(-3, 'F'))
for spec in ['.2d', ',b', 's', 'z', ',c']:
    try:
        print(format(10, spec))
    except ValueError as e:
        print(type(e).__name__, e)
