# str format specs: precision counts characters and applies before padding; '0' pads text on the right; the flags text refuses
print(repr('{:10.5}'.format('xylophone')), repr('{:.1}'.format('\u00e9a')), repr(f'{"xyz":>6.1}'))
print(['{:.<10.3}'.format('abcdef'), '{:^9.2}'.format('éèê'), format('abc', '.0'), '{:.5}'.format('ab')])
print([format('ab', '05'), format('ab', 'x<5.1s'), format('é', '0>4'), format('x', '00'), format('ab', '010.1')])
for spec in ['+5', '#5', ' 5', '-5', 'z5', '=5', ',', '_', '5,', '+05', 'x=5', '.', '.3d', 's']:
    try:
        print(spec, repr(format('ab', spec)))
    except ValueError as e:
        print(spec, type(e).__name__, e)
