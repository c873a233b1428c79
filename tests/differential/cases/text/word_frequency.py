# Checks a word-frequency pipeline: lower, strip punctuation, split, Counter, formatting
from collections import Counter
import string
text = """It was the best of times, it was the worst of times; it was the age of wisdom,
it was the age of foolishness... It was the epoch of belief! "Incredulity," they said."""
words = [w.strip(string.punctuation).lower() for w in text.split()]
words = [w for w in words if w]
c = Counter(words)
for word, n in sorted(c.most_common(6), key=lambda p: (-p[1], p[0])):
    print(f"{word:<10}{n:>3} {'#' * n}")
print(len(words), len(c), sorted(w for w in c if c[w] == 1)[:5])
table = str.maketrans("", "", string.punctuation)
print(text.translate(table).split()[:8])
print(max(words, key=len), sorted(set(len(w) for w in words)), text.count("it"), text.lower().count("it was"))
lines = text.splitlines()
print([len(l) for l in lines], [l.split()[0] for l in lines], lines[1].rsplit(" ", 2)[-2:])
print(" ".join(w.capitalize() for w in "the end of the text".split()))
