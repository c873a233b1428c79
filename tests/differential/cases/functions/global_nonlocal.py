# global and nonlocal statements, creating globals from functions, nested scopes, class scope not visible to methods
total = 0
def add(n):
    global total
    total += n
    return total
add(3); add(4)
def set_new_global():
    global created_later
    created_later = "made inside"
set_new_global()
print(total, created_later)
def outer():
    x = 1
    def middle():
        x = 2
        def inner():
            nonlocal x
            x += 10
            return x
        return inner(), x
    return middle(), x
print(outer())
x = "global"
def shadow():
    x = "local"
    return (lambda: x)()
print(shadow(), x, (lambda: total * 2)())
class K:
    y = 5
    vals = [y * 2]
    def m(self):
        try:
            return y
        except NameError as e:
            return f"{type(e).__name__}: {e}"
print(K.vals, K().m())
