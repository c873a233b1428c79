# Real-world text processing with Counter, defaultdict and sorted-by-value dicts
from collections import Counter, defaultdict
import re
text = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief"""
words = re.findall(r"[a-z]+", text.lower())
freq = Counter(words)
print(freq.most_common(4))
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:6])
by_len = defaultdict(list)
for w in sorted(set(words)):
    by_len[len(w)].append(w)
print(dict(sorted(by_len.items())))
first_letter = Counter(w[0] for w in words)
print(sorted(first_letter.items()))
index = defaultdict(set)
for lineno, line in enumerate(text.splitlines(), 1):
    for w in re.findall(r"[a-z]+", line.lower()):
        index[w].add(lineno)
print({w: sorted(index[w]) for w in ["it", "wisdom", "belief", "times"]})
inverted = defaultdict(list)
for w, n in freq.items():
    inverted[n].append(w)
print({n: sorted(ws) for n, ws in sorted(inverted.items(), reverse=True)})
letters = Counter(c for c in text.lower() if c.isalpha())
print(letters.most_common(3), sum(letters.values()), len(letters))
print(sorted(set(words) - {"it", "was", "the", "of"}))
