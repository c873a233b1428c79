# difflib: SequenceMatcher, unified and context diffs, close matches, ndiff
import difflib
a = ["one\n", "two\n", "three\n", "four\n"]
b = ["one\n", "2\n", "three\n", "four\n", "five\n"]
print("".join(difflib.unified_diff(a, b, "old", "new")))
print("".join(difflib.context_diff(a, b, "old", "new")))
print(list(difflib.ndiff(["abc\n"], ["abd\n"])))
sm = difflib.SequenceMatcher(None, "abcdefg", "abxdefy")
print(round(sm.ratio(), 4), sm.get_matching_blocks(), sm.get_opcodes())
print(difflib.get_close_matches("appel", ["ape", "apple", "peach", "puppy"]), difflib.get_close_matches("zzz", ["a"]))
print(round(difflib.SequenceMatcher(lambda c: c == " ", "a b c", "a  b c").quick_ratio(), 3))
