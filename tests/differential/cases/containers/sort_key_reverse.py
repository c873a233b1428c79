# sort/sorted with key functions, reverse, stability across multiple passes, and errors mid-sort
people = [("bob", 25, "NY"), ("alice", 30, "LA"), ("carol", 25, "LA"), ("dave", 30, "NY"), ("eve", 22, "SF")]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
by_city = sorted(people, key=lambda p: p[2])
print(sorted(by_city, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])), [p[0] for p in sorted(people, key=lambda p: len(p[0]))])
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True), sorted(words, key=lambda w: w[::-1]))
nums = [3, -1, 4, -1, 5, -9, 2, 6]
nums.sort(key=abs)
print(nums, sorted(nums, key=abs, reverse=True), sorted(nums, reverse=True), sorted([]), sorted("ba"))
from operator import itemgetter, attrgetter
print(sorted(people, key=itemgetter(2, 0)), max(people, key=itemgetter(1)), min(people, key=itemgetter(1, 0)))
import functools
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)), sorted([1.5, 1, True, 0.5]))
print(sorted([[2, "b"], [1, "a"], [2, "a"]]), sorted({"b": 1, "a": 2}), sorted({"b": 1, "a": 2}.items(), key=itemgetter(1)))
data = [5, 3, "x", 1]
try:
    data.sort()
except TypeError as e:
    print(type(e).__name__, e, len(data))
try:
    sorted([1, 2], key=lambda x: 1 / (x - 1))
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    sorted([1, 2], lambda x: x)
except TypeError as e:
    print(type(e).__name__, e)
