# augmented assignment operators on mutable and immutable types, identity, and the tuple += pitfall
lst = [1]
alias = lst
lst += [2]
print(lst, alias, lst is alias)
lst = lst + [3]
print(lst, alias, lst is alias)
t = t_alias = (1,)
t += (2,)
s = "ab"
s *= 3
print(t, t_alias, t is t_alias, s)
n = 17
steps = []
n //= 5; steps.append(n)
n **= 3; steps.append(n)
n %= 7; steps.append(n)
n <<= 4; steps.append(n)
n >>= 1; steps.append(n)
n ^= 0b1010; steps.append(n)
n &= 0xF; steps.append(n)
n |= 0x30; steps.append(n)
print(steps)
f = 1.5
f -= 0.25; f /= 2; print(f)
st = {1, 2}
st |= {3}; st &= {2, 3, 4}; st -= {2}; st ^= {9}
dd = {"a": 1}
dd |= {"b": 2}
print(sorted(st), dd)
tup = ([1],)
try:
    tup[0] += [2]
except TypeError as e:
    print(type(e).__name__, e, tup)
x = None
try:
    x += 1
except TypeError as e:
    print(type(e).__name__, e)
