# A plugin that reads its data directory: run it with the directory mounted,
#   pyocap run --mount examples/plugin-data:/data examples/word_count.py
import os

counts = {}
for name in sorted(os.listdir("/data")):
    if not name.endswith(".txt"):
        continue
    with open(os.path.join("/data", name)) as f:
        for line in f:
            for word in line.split():
                counts[word] = counts.get(word, 0) + 1

top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
for word, n in top:
    print(word, n)

# Outside the mount there is nothing to read.
try:
    open("/etc/passwd")
except OSError as e:
    print("refused:", type(e).__name__)
