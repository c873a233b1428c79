//! Guest code several benches run.

/// A recursive `fib`, a `for` loop over a range and a `while` loop.
pub const GUEST: &str = "\
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

def loop(n):
    total = 0
    for i in range(n):
        total += i
    return total

def spin(n):
    i = 0
    while i < n:
        i += 1
    return i
";
