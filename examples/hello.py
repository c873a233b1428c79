# A guest program: it runs with no authority at all (no files, no imports
# unless the host allows them, no clock), and its output is captured by the host.

class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        return self.balance


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


acct = Account("alice")
for amount in (10, 20, 12):
    acct.deposit(amount)
print(f"{acct.owner} has {acct.balance}")
print("fib(30) =", fib(30))
print("squares:", [x * x for x in range(8)])

try:
    open("/etc/passwd")
except NameError as e:
    print("no ambient authority:", e)

result = {"owner": acct.owner, "balance": acct.balance, "fib30": fib(30)}
