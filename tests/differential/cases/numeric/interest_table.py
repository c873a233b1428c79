# Checks a compound-interest table using float arithmetic, round and formatted output
principal = 10000.0
rate = 0.035
balance = principal
print(f"{'Year':>4} {'Interest':>10} {'Balance':>12}")
for year in range(1, 11):
    interest = balance * rate
    balance += interest
    print(f"{year:>4} {interest:>10,.2f} {balance:>12,.2f}")
print(round(balance, 2), round(balance - principal, 4))
monthly = principal * (rate / 12) / (1 - (1 + rate / 12) ** -60)
print(f"monthly payment: {monthly:.2f}", repr(round(monthly, 6)))
total = 0.0
for cents in [19.99, 5.01, 0.1, 0.2, 100.0, 33.33]:
    total += cents
print(total, round(total, 2), f"{total:.2f}", int(total * 100), round(total * 100))
avg = total / 6
print(avg, f"{avg:.3e}", f"{avg:10.4g}|")
