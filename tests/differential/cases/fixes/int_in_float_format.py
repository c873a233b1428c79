# an int in a float presentation is converted first: too large is OverflowError, not 'inf'
for spec in ['f', 'e', 'g', '%', '.2f', 'E', 'G']:
    try:
        print(spec, format(10**1000, spec))
    except OverflowError as e:
        print(spec, type(e).__name__, e)
print('{:e}'.format(10**20), '{:.2%}'.format(3), format(10**300, 'g'), f'{7:f}', f'{True:.1f}')
