# The untrusted guest for examples/grants/host.py.
print(greeting)
print("balance:", bank.balance())
print("after deposit:", bank.deposit(25))
try:
    bank._secret
except AttributeError as e:
    print("refused:", e)
try:
    bank.deposit(-5)
except ValueError as e:
    print("master said:", e)
print(bank.on_event(lambda msg: "guest heard " + msg))
result = bank.balance()
