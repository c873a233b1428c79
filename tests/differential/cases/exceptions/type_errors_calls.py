# TypeError messages for bad calls: arg counts, unexpected keywords, unsupported operands, non-callables, bad types
def show(fn):
    try:
        fn()
    except TypeError as e:
        print(e)

def two(a, b): return a + b
def kw(a, *, flag=False): return a
class C:
    def m(self, x): return x

show(lambda: two(1))
show(lambda: two(1, 2, 3))
show(lambda: two(1, 2, c=3))
show(lambda: two(1, a=1))
show(lambda: kw(1, 2))
show(lambda: C().m())
show(lambda: C().m(1, 2))
show(lambda: C(1))
show(lambda: 1 + "a")
show(lambda: "a" + 1)
show(lambda: [1] + (2,))
show(lambda: 5())
show(lambda: "abc"())
show(lambda: None[0])
show(lambda: len(5))
show(lambda: -"x")
show(lambda: int([1]))
show(lambda: sum(["a", "b"]))
show(lambda: sorted([1, "a"]))
show(lambda: {[]: 1})
show(lambda: "x" * 2.5)
show(lambda: abs("x"))
show(lambda: "%d" % "x")
show(lambda: object.__new__(5))
