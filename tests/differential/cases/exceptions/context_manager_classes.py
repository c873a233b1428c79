# context managers via classes: __enter__/__exit__ order, exception info, suppression, nested and multiple with
class Managed:
    def __init__(self, name, suppress=False): self.name, self.suppress = name, suppress
    def __enter__(self):
        print(f"enter {self.name}")
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print(f"exit {self.name}", exc_type.__name__ if exc_type else None, exc)
        return self.suppress
with Managed("outer"), Managed("inner") as i:
    print("both", i)
with Managed("quiet", suppress=True):
    raise ValueError("suppressed error")
print("continued after suppression")
try:
    with Managed("loud"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", repr(e))
def early_return():
    with Managed("fn"):
        return "returned value"
print(early_return())
for i in range(3):
    with Managed(f"loop{i}"):
        if i == 1: continue
        if i == 2: break
        print("body", i)
class Plain:
    def __enter__(self): return self
    def __exit__(self, *args): self.args = args
t = Plain()
with t as same:
    pass
print(same is t, t.args)
try:
    with 5:
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
