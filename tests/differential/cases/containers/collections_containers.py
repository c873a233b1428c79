# collections: deque, Counter, defaultdict, namedtuple, OrderedDict, ChainMap in ordinary use
from collections import deque, Counter, defaultdict, namedtuple, OrderedDict, ChainMap
dq = deque([1, 2, 3], maxlen=4)
dq.appendleft(0); dq.append(4); dq.rotate(1)
print(dq, dq.popleft(), dq.pop(), dq, dq.maxlen, list(reversed(dq)), dq[0], dq[-1], len(dq), 2 in dq)
dq.extendleft("ab"); print(dq)
c = Counter("abracadabra")
print(c.most_common(2), c["a"], c["zz"], sorted(c.elements())[:6], sum(c.values()), c.total())
c.subtract("aaa"); c.update({"z": 2})
print(sorted(c.items()), +c == Counter({k: v for k, v in c.items() if v > 0}), Counter(a=2) - Counter(a=5))
dd = defaultdict(list)
for word in "one two three four five six".split():
    dd[len(word)].append(word)
print(dict(dd), dd[99], 99 in dd, defaultdict(int)["x"], sorted(defaultdict(set, {1: {2}}).items()))
Point = namedtuple("Point", "x y")
p = Point(1, y=2)
print(p, p.x + p.y, p._replace(x=9), p._asdict(), Point._fields, Point._make([3, 4]), p == (1, 2), tuple(p))
od = OrderedDict.fromkeys("abc")
od.move_to_end("a"); od.move_to_end("c", last=False)
print(list(od), od.popitem(last=False), od.popitem(), list(od))
cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], len(cm), sorted(cm), cm.maps[1]["a"], dict(cm.new_child({"c": 4})))
for op in (lambda: deque().pop(), lambda: Point(1), lambda: namedtuple("P", "x x"), lambda: deque([1], maxlen=-1)):
    try:
        print(op())
    except (IndexError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
