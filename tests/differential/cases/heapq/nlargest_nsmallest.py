# nlargest/nsmallest with n larger than input, n <= 0, key functions, ties and stability
import heapq
nums = [5, 1, 8, 3, 9, 2, 7, 3]
print(heapq.nlargest(3, nums), heapq.nsmallest(3, nums), heapq.nlargest(1, nums), heapq.nsmallest(1, nums))
print(heapq.nlargest(0, nums), heapq.nsmallest(-2, nums), heapq.nlargest(20, nums), heapq.nsmallest(3, []))
people = [("ann", 31), ("bob", 25), ("cy", 31), ("dee", 19), ("eve", 25)]
print(heapq.nlargest(2, people, key=lambda p: p[1]), heapq.nsmallest(2, people, key=lambda p: p[1]))
print(heapq.nsmallest(3, people, key=lambda p: -p[1]), heapq.nlargest(3, "hello world"))
print(heapq.nsmallest(2, iter(range(100, 0, -7))), heapq.nlargest(2, {3: "a", 10: "b", 7: "c"}))
print(heapq.nlargest(3, [1.5, -2, 10 ** 20, 0]), heapq.nsmallest(4, nums, key=lambda x: x % 3))
print(heapq.nsmallest(1, [], key=len), heapq.nlargest(2, ["aa", "b", "ccc"], key=len))
