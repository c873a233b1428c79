# Checks 3.11 'z' negative-zero coercion, '#' alternate forms and '=' alignment for floats
for v in [-0.0, -0.001, 0.001, -1.5, 0.0]:
    print(repr(format(v, 'z.1f')), repr(format(v, '.1f')), repr(format(v, '+z.2f')), repr(format(v, 'z.0e')))
print(f"{-0.0001:z.2f}|{-0.0:z}|{-0.0:zg}|{-1e-9:z.3g}")
print(format(1.0, '#g'), format(1.0, '#.3g'), format(100.0, '#.0f'), format(1e5, '#e'), format(0.5, '#.0%'))
print(format(-12.5, '=10.2f'), format(-12.5, '0=10.2f'), format(12.5, '+=10.2f'), format(-12.5, '010.2f'))
print(format(1234.5, '=+12,.1f'), format(1234.5, '_>12,.1f'), format(-1234.5, '012,.1f'))
print(format(3.0, ''), format(3.0, 'g'), format(3.0, '.0g'), format(3.0, 'n'), format(1e-7, ''))
print(format(123.456, '.5'), format(123456.0, '.3'), format(0.000012345, '.2'), format(1e100, '.0'))
print(format(float('inf'), '08.2f'), format(float('-inf'), '=+9'), format(float('nan'), 'E'), format(float('inf'), '%'))
try:
    format(1.5, 'z.1d')
except ValueError as e:
    print(type(e).__name__, e)
