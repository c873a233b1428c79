# Common list mutation-during-iteration patterns and their safe alternatives
nums = [1, 2, 2, 3, 4, 4, 5]
copy = nums[:]
for n in copy:
    if n % 2 == 0:
        copy.remove(n)
print(copy)
print([n for n in nums if n % 2])
safe = nums[:]
for n in safe[:]:
    if n % 2 == 0:
        safe.remove(n)
print(safe)
back = nums[:]
for i in range(len(back) - 1, -1, -1):
    if back[i] % 2 == 0:
        del back[i]
print(back)
grow = [1]
for x in grow:
    if len(grow) < 5:
        grow.append(x * 2)
print(grow)
it = iter([1, 2, 3])
seen = []
for x in it:
    seen.append((x, next(it, None)))
print(seen)
lst = [1, 2, 3]
i = iter(lst)
next(i)
lst.clear()
print(list(i), lst)
lst2 = [5, 6]
j = iter(lst2)
lst2.insert(0, 4)
print(list(j))
