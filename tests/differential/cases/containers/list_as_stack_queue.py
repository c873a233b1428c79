# lists used as stacks and queues, with bisect-maintained sorted lists and heapq priority queues
import bisect, heapq
stack = []
for tok in "3 4 + 2 * 7 -".split():
    if tok.isdigit():
        stack.append(int(tok))
    else:
        b, a = stack.pop(), stack.pop()
        stack.append({"+": a + b, "-": a - b, "*": a * b}[tok])
print(stack)
queue = ["a", "b", "c"]
queue.append("d")
print(queue.pop(0), queue.pop(0), queue)
scores = []
for s in [50, 20, 80, 20, 65]:
    bisect.insort(scores, s)
print(scores, bisect.bisect_left(scores, 20), bisect.bisect_right(scores, 20), bisect.bisect(scores, 100))
grades = [bisect.bisect([60, 70, 80, 90], s) for s in [33, 99, 77, 70, 89]]
print(["FDCBA"[g] for g in grades])
heap = []
for pri, task in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent")]:
    heapq.heappush(heap, (pri, task))
print([heapq.heappop(heap) for _ in range(len(heap))])
nums = [9, 1, 8, 2, 7, 3]
heapq.heapify(nums)
print(nums[0], heapq.nsmallest(3, nums), heapq.nlargest(2, nums), heapq.heappushpop(nums, 0), list(heapq.merge([1, 4], [2, 3])))
print(heapq.nsmallest(2, ["bb", "a", "ccc"], key=len), bisect.bisect_left([1, 2, 3], 2, key=None) if True else 0)
try:
    heapq.heappop([])
except IndexError as e:
    print(type(e).__name__, e)
