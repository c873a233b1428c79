# closures capture variables by reference; late binding in loops; cell contents
def make_counter(start=0):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c1, c2 = make_counter(), make_counter(100)
print(c1(), c1(), c1(5), c2(), c1())
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])
def adders():
    out = []
    for n in range(3):
        def add(x, n=n):
            return x + n
        out.append(add)
    return out
print([a(10) for a in adders()])
def outer():
    x = "before"
    def get(): return x
    x = "after"
    return get
print(outer()())
def make_acc():
    items = []
    def add(x):
        items.append(x)
        return list(items)
    return add
acc = make_acc()
acc(1)
print(acc(2), make_acc()(3))
