# __repr__ vs __str__ vs __format__, fallback rules, repr in containers and f-strings
class Money:
    def __init__(self, amount, cur="EUR"):
        self.amount, self.cur = amount, cur
    def __repr__(self):
        return f"Money({self.amount!r}, {self.cur!r})"
    def __str__(self):
        return f"{self.amount:.2f} {self.cur}"
    def __format__(self, spec):
        if spec == "short":
            return f"{self.amount:g}{self.cur[0]}"
        return format(str(self), spec)

class OnlyRepr:
    def __repr__(self):
        return "<OnlyRepr>"

m = Money(3.5)
print(m)
print(repr(m))
print(str(m), [m], (m,), {"k": m})
print(f"{m}|{m!r}|{m!s}|{m:short}|{m:>12}|")
print("{0} {0!r} {0:short}".format(m))
o = OnlyRepr()
print(o, str(o), [o], f"{o}")
print("%s and %r" % (m, m))
class Uni:
    def __str__(self): return "café ☕"
print(Uni(), len(str(Uni())))
class BadStr:
    def __str__(self): return 42
try:
    str(BadStr())
except TypeError as e:
    print(type(e).__name__, e)
print(repr("it's"), repr('say "hi"'), repr("tab\there"), ascii("é"))
