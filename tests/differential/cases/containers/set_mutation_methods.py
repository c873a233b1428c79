# mutating sets: add/remove/discard/pop/clear/update variants and in-place operators
s = {3, 1, 2}
s.add(4); s.add(1); s.discard(10); s.discard(3); s.remove(2)
print(sorted(s), len(s))
s.update([5, 6], (7,), "")
print(sorted(s))
s.intersection_update({1, 5, 6, 99}); print(sorted(s))
s.difference_update([6]); print(sorted(s))
s.symmetric_difference_update({5, 8}); print(sorted(s))
s |= {10, 11}; s &= {1, 8, 10, 11, 12}; s -= {11}; s ^= {12}
print(sorted(s))
nums = {5}
print(nums.pop(), nums, bool(nums))
t = {1, 2}
u = t.copy(); u.add(3)
print(sorted(t), sorted(u), t is not u)
t.clear(); print(t, t == set(), repr(set()), repr(frozenset()))
fs = frozenset({1})
print(hasattr(fs, "add"), {fs: "ok"}[frozenset([1])], len({frozenset(), frozenset([])}))
g = {1, 2, 3}
try:
    for x in g:
        g.add(x * 10)
except RuntimeError as e:
    print(type(e).__name__, e)
for op in (lambda: set().pop(), lambda: {1}.remove(2), lambda: {1}.add([2]), lambda: fs.add(2), lambda: {1}.update(5)):
    try:
        print(op())
    except (KeyError, TypeError, AttributeError) as e:
        print(type(e).__name__, e)
