# float ** : zero to a negative power, overflow, a negative base to a fractional power is complex
for f in [lambda: 2.0 ** 10000, lambda: 10 ** 400.0, lambda: 0.0 ** -1, lambda: 0 ** -1.0, lambda: 0 ** -1, lambda: (-8.0) ** (1/3),
          lambda: 2.0 ** -1, lambda: float('inf') ** 2, lambda: 2.0 ** float('inf'), lambda: pow(2.0, 3), lambda: (2.0).__pow__(3),
          lambda: (3.0).__rpow__(2), lambda: 0.0 ** 0, lambda: (-2.0) ** 0.5, lambda: 2 ** 0.5, lambda: pow(2.0, 3, 5), lambda: (-1.5) ** 2.0]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e, e.args)
