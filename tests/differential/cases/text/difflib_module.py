# Checks difflib SequenceMatcher, get_close_matches, unified_diff, ndiff and context_diff
import difflib
sm = difflib.SequenceMatcher(None, "abcdefgh", "abxdefyh")
print(round(sm.ratio(), 4), sm.get_matching_blocks(), sm.get_opcodes())
print(round(difflib.SequenceMatcher(None, "kitten", "sitting").ratio(), 4), difflib.SequenceMatcher(None, "", "").ratio())
print(difflib.get_close_matches("appel", ["ape", "apple", "peach", "puppy"]), difflib.get_close_matches("x", ["a"]))
print(difflib.get_close_matches("wheel", ["while", "wheat", "whale", "wheels"], n=2, cutoff=0.6))
a = ["one\n", "two\n", "three\n", "four\n"]
b = ["one\n", "2\n", "three\n", "four\n", "five\n"]
print("".join(difflib.unified_diff(a, b, fromfile="a.txt", tofile="b.txt")))
print("".join(difflib.ndiff(["apple\n", "banana\n"], ["apple\n", "bananas\n"])))
print("".join(difflib.context_diff(a, b, n=1)))
print(list(difflib.unified_diff(["x"], ["x"])), sm.find_longest_match(0, 8, 0, 8))
