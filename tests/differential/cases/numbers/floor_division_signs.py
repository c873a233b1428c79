# floor division of ints and floats with every sign combination
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (6, 3), (-6, 3), (0, 5), (0, -5), (1, 10), (-1, 10)]
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b))
fpairs = [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (1.0, 0.1), (-0.0, 3), (5, 0.5)]
for a, b in fpairs:
    print(a, b, a // b, a % b, divmod(a, b))
print(-1 // 3.0, 1 // -3.0, -0.5 // 1, 0.5 // -1)
print(10 ** 20 // -3, -(10 ** 20) // 3, 10 ** 20 // 3.0)
print(float("inf") // 1, -5 // float("inf"), 5 // float("inf"))
for a, b in [(1, 0), (1.0, 0), (1, 0.0), (0, 0)]:
    try:
        print(a // b)
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
