# statistics: a small grades report over dictionaries using several statistics functions
import statistics as st

scores = {"ana": [88, 92, 79], "ben": [65, 70, 72, 68], "cy": [95], "dot": [50, 100]}
for name in sorted(scores):
    s = scores[name]
    spread = round(st.stdev(s), 3) if len(s) > 1 else "n/a"
    print(f"{name:4} mean={st.mean(s):7.3f} median={st.median(s):6} spread={spread}")
allv = [v for s in scores.values() for v in s]
print(len(allv), st.mean(allv), st.median(allv), st.mode(allv), sorted(st.multimode(allv))[:3])
print(round(st.pstdev(allv), 6), max(scores, key=lambda n: st.mean(scores[n])))
print(st.fmean([1, 2, 3], weights=[3, 2, 1]) if hasattr(st, "fmean") else None)
print(st.median([]) if False else st.median(["b", "a", "c"]))
print(st.mean([True, False, True]), st.mean(range(1, 101)))
