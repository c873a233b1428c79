# Checks complex() construction from numbers and strings and its errors
for s in ["1+2j", "1-2j", "-1.5e3+2.5e-3j", "(3+4j)", " 5j ", "-j", "+1J", "inf+nanj", "1_0+2_0j", "0j"]:
    print(repr(s), complex(s))
print(complex(), complex(1), complex(1, 2), complex(1.5, -0.5), complex(1j, 1j), complex(2, 1j))
print(complex(real=3, imag=4), complex(True, False))
for bad in ["1+2", "j1", "1 + 2j", "(1+2j", "", "1+2jj", "abc"]:
    try:
        complex(bad)
    except ValueError as e:
        print(repr(bad), type(e).__name__, e)
for args in [("1", 2), (1, "2"), (None,), ([],)]:
    try:
        complex(*args)
    except TypeError as e:
        print(type(e).__name__, e)
print(complex("1e500j"), complex(10 ** 20, 1), repr(complex(-0.0, -0.0)))
