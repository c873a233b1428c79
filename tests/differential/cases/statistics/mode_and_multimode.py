# statistics mode and multimode: numbers, strings, ties (first seen wins), empty input
import statistics
print(statistics.mode([1, 1, 2, 3, 3, 3, 4]), statistics.mode("aabbbc"), statistics.mode(["red", "blue", "red"]))
print(statistics.mode([1, 2, 2, 1]), statistics.mode([3.5, 3.5, 1]), statistics.mode([(1, 2), (1, 2), (3,)]))
print(statistics.multimode("aabbbbccddddeeffffgg"), statistics.multimode([1, 2, 3]), statistics.multimode([]))
print(statistics.multimode([5]), statistics.multimode(iter([2, 2, 1, 1, 0])))
print(statistics.mode([True, 1, 1.0, 2]), statistics.mode(x % 3 for x in range(10)))
try:
    statistics.mode([])
except statistics.StatisticsError as e:
    print(type(e).__name__, e)
try:
    statistics.mode([[1], [1]])
except TypeError as e:
    print(type(e).__name__, e)
print(issubclass(statistics.StatisticsError, ValueError))
