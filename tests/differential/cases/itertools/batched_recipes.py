# common itertools recipes: flatten, roundrobin, unique_everseen, sliding window, nth, powerset
import itertools
import collections
def roundrobin(*iterables):
    iterators = itertools.cycle(iter(it) for it in iterables)
    num_active = len(iterables)
    while num_active:
        try:
            for nxt in iterators:
                yield next(nxt)
        except StopIteration:
            num_active -= 1
            iterators = itertools.cycle(itertools.islice(iterators, num_active))
print(list(roundrobin("ABC", "D", "EF")))
def unique_everseen(iterable):
    seen = set()
    for el in itertools.filterfalse(seen.__contains__, iterable):
        seen.add(el)
        yield el
print(list(unique_everseen("AAAABBBCCDAABBB")))
def sliding_window(iterable, n):
    it = iter(iterable)
    window = collections.deque(itertools.islice(it, n - 1), maxlen=n)
    for x in it:
        window.append(x)
        yield tuple(window)
print(list(sliding_window("ABCDEFG", 4)))
def powerset(iterable):
    s = list(iterable)
    return itertools.chain.from_iterable(itertools.combinations(s, r) for r in range(len(s) + 1))
print(list(powerset([1, 2, 3])))
print(next(itertools.islice("abcdef", 3, None), None))
print(list(itertools.chain.from_iterable(itertools.repeat(x, 2) for x in "ab")))
print(sorted(itertools.starmap(lambda k, v: f"{k}={v}", {"b": 2, "a": 1}.items())))
print(hasattr(itertools, "batched"))
