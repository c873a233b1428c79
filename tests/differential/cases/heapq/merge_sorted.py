# heapq.merge of sorted iterables: lazy, key=, reverse=, empty inputs, generators, stability
import heapq
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])))
print(list(heapq.merge([], [1], [], [0, 2])), list(heapq.merge()))
print(list(heapq.merge([9, 5, 1], [8, 4], reverse=True)))
print(list(heapq.merge(["b", "dd"], ["a", "ccc"], key=len)))
print(list(heapq.merge([("a", 1), ("c", 1)], [("b", 1)], key=lambda t: t[1])))
def evens():
    yield from range(0, 10, 2)
def odds():
    yield from range(1, 10, 2)
m = heapq.merge(evens(), odds())
print(next(m), next(m), next(m), list(m))
print(list(heapq.merge("ace", "bdf")), list(heapq.merge([1, 1, 2], [1, 2, 2])))
print(list(heapq.merge([5, 3], [4], key=lambda x: -x)))
