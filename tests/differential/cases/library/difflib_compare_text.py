# difflib: SequenceMatcher ratio/opcodes, get_close_matches, unified_diff and ndiff
import difflib

sm = difflib.SequenceMatcher(None, "abcdefg", "abxdefz")
print(round(sm.ratio(), 6), sm.get_matching_blocks(), sm.get_opcodes())
print(difflib.get_close_matches("appel", ["ape", "apple", "peach", "puppy"]))
print(difflib.get_close_matches("wheel", ["while", "wheat", "whale"], n=2, cutoff=0.5))
a = ["one\n", "two\n", "three\n", "four\n"]
b = ["one\n", "2\n", "three\n", "four\n", "five\n"]
print("".join(difflib.unified_diff(a, b, fromfile="a.txt", tofile="b.txt")))
print("".join(difflib.ndiff(["cat\n", "dog\n"], ["cat\n", "dig\n"])))
print(list(difflib.context_diff(["x\n"], ["y\n"]))[:4])
print(round(difflib.SequenceMatcher(None, "", "").ratio(), 3), difflib.SequenceMatcher(None, [1, 2, 3], [3, 2, 1]).find_longest_match(0, 3, 0, 3))
