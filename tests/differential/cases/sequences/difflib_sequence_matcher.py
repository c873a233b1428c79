# difflib.SequenceMatcher on lists and strings, get_close_matches, ndiff
import difflib
a = [1, 2, 3, 4, 5, 6]
b = [1, 2, 4, 5, 7, 6]
sm = difflib.SequenceMatcher(None, a, b)
print(round(sm.ratio(), 4))
for tag, i1, i2, j1, j2 in sm.get_opcodes():
    print(tag, a[i1:i2], b[j1:j2])
print(sm.get_matching_blocks())
s = difflib.SequenceMatcher(None, "abcd", "bcde")
print(s.find_longest_match(0, 4, 0, 4), round(s.ratio(), 3), round(s.quick_ratio(), 3))
print(difflib.get_close_matches("appel", ["ape", "apple", "peach", "puppy"]))
print(difflib.get_close_matches("wheel", ["while", "wheat", "heel"], n=2, cutoff=0.5))
print(list(difflib.ndiff(["one\n", "two\n"], ["one\n", "too\n"])))
print(list(difflib.unified_diff(["a", "b", "c"], ["a", "x", "c"], lineterm="")))
print(difflib.SequenceMatcher(None, "", "").ratio(), difflib.SequenceMatcher(None, "x", "").ratio())
