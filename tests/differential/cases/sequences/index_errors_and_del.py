# Index errors, negative indexing and del statement on lists/tuples
xs = [10, 20, 30, 40]
print(xs[-1], xs[-4], xs[3])
for i in (4, -5):
    try:
        xs[i]
    except IndexError as e:
        print(type(e).__name__, e)
try:
    (1, 2)[2]
except IndexError as e:
    print(type(e).__name__, e)
try:
    xs[10] = 1
except IndexError as e:
    print(type(e).__name__, e)
try:
    xs["0"]
except TypeError as e:
    print(type(e).__name__, e)
try:
    (1,)[1.0]
except TypeError as e:
    print(type(e).__name__, e)
del xs[1]
print(xs)
del xs[-1]
print(xs)
try:
    del xs[5]
except IndexError as e:
    print(type(e).__name__, e)
print(xs[True], [1, 2][False])
class Idx:
    def __index__(self):
        return 1
print(xs[Idx()], "abc"[Idx()], range(5)[Idx()], (7, 8)[Idx()])
xs[Idx()] = "new"
print(xs)
try:
    ""[0]
except IndexError as e:
    print(type(e).__name__, e)
