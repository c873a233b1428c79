# int() and float() read every Unicode decimal digit and strip Unicode whitespace
print(int('٣'), int(' ١٢ '), float('١.٥'), int('\u00a012\u2003'), int('１２'), float('\u2003 1e3 '), int('１２', 16), int('١_٢'))
for s in ['٣.٥', '\u0660x10', 'x١', '١e', '', ' ']:
    for f in (int, float):
        try: print(repr(f(s)))
        except Exception as e: print(type(e).__name__, e)
class S(str):
    def __int__(self): return 99
print(int(S('٣')) if False else 0, int('٣', base=10), float('-٣'), int('12'), float('nan'))
