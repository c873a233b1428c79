# UnboundLocalError when assigning to a name makes it local, and related scope errors (uncaught at the end)
count = 10
def reads_then_assigns():
    try:
        print(count)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    count = 1
    return count
print(reads_then_assigns())
def delete_then_read():
    x = 5
    del x
    try:
        return x
    except UnboundLocalError as e:
        return f"{type(e).__name__}: {e}"
print(delete_then_read())
def uses_undefined():
    return undefined_name + 1
try:
    uses_undefined()
except NameError as e:
    print(type(e).__name__, e)
def closure_unbound():
    def inner():
        return y
    try:
        return inner()
    except NameError as e:
        print(type(e).__name__, e)
    y = 2
closure_unbound()
print(issubclass(UnboundLocalError, NameError))
def augmented():
    count += 1
augmented()
