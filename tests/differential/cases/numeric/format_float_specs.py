# Checks format() of floats with e E f F g G % n and precision, width, sign, grouping
vals = [3.14159265, -0.000123456, 1234567.891, 0.0, -0.0, 1e20, 2.5, float('inf'), float('nan')]
specs = ['', 'f', '.2f', 'e', '.3E', 'g', '.3G', '%', '.1%', 'F', '+.1f', ' .2e', '12.3f',
         '<12.2f', '^12.2f', '012.2f', ',.2f', '_.3f', '#.0f', '#g', '.0e', 'n', '.10g', '=+10.1f']
for v in vals:
    print(' | '.join(format(v, s) for s in specs))
print(format(1e16, ''), format(1e16, 'g'), format(123456789.0, 'g'), format(0.0001, 'g'), format(0.00001, 'g'))
print(format(0.5, '.0f'), format(1.5, '.0f'), format(2.5, '.0f'), format(2.675, '.2f'))
print(format(1 / 3, '.17g'), format(1 / 3, '.20f'))
print(format(-1e-10, '.3g'), format(9.9999, '.3g'), format(9.9999, '.2f'))
try:
    format(1.5, 'd')
except ValueError as e:
    print(type(e).__name__, e)
try:
    format(1.5, ',x')
except ValueError as e:
    print(type(e).__name__, e)
