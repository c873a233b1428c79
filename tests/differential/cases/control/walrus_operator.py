# assignment expressions (:=) in while loops, comprehensions, conditionals and their scoping
data = [5, 12, 7, 20, 3]
if (n := len(data)) > 3:
    print(f"list has {n} items")

it = iter(data)
while (item := next(it, None)) is not None:
    if item > 10:
        print("big", item)

print([y for x in data if (y := x * 2) > 15])
print(y)
total = 0
print([total := total + x for x in data], total)

import re
for line in ["key=value", "junk", "a=1"]:
    if (m := re.match(r"(\w+)=(\w+)", line)):
        print(m.group(1), "->", m.group(2))
    else:
        print("no match in", repr(line))

def stats(xs):
    return (lo := min(xs)), (hi := max(xs)), hi - lo
print(stats(data))
print((z := 10) + z, z)
values = [v for raw in ["1", "x", "3"] if (v := raw.isdigit() and int(raw))]
print(values)
chunks = []
s = "abcdefgh"
while (chunk := s[:3]):
    chunks.append(chunk)
    s = s[3:]
print(chunks)
