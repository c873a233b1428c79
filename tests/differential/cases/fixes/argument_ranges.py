# an argument outside its C type's range is OverflowError before any size check
for f in [lambda: '\t'.expandtabs(10**30), lambda: 'a'.ljust(10**30), lambda: 'a'.center(-10**30), lambda: b'\t'.expandtabs(2**31), lambda: 'a\tb'.expandtabs(-2**31), lambda: 'a\tb'.expandtabs(-1)]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
