//! `list.sort` and `sorted`: RustPython's own sort is quadratic and never looks
//! at the stop; the sandbox's is `O(n log n)`, metered per comparison, and keeps
//! Python's semantics.

use crate::util::*;
use pyocap::{Config, GuestError, Policy, Runtime};
use std::time::{Duration, Instant};

#[test]
fn sorting_keeps_the_semantics_of_python() {
    let sb = sandbox();
    sb.exec(
        r#"
class K:
    def __init__(s, k, i): s.k, s.i = k, i
    def __lt__(s, o): return s.k < o.k
data = [K((i * 7919) % 13, i) for i in range(500)]
out = sorted(data)
assert [x.k for x in out] == sorted(x.k for x in data)
for a, b in zip(out, out[1:]):
    assert a.k < b.k or (a.k == b.k and a.i < b.i), "stable"
out = sorted(data, reverse=True)
for a, b in zip(out, out[1:]):
    assert a.k > b.k or (a.k == b.k and a.i < b.i), "stable when reversed"
pairs = [(i % 5, i) for i in range(300)]
assert sorted(pairs, key=lambda p: p[0]) == [p for k in range(5) for p in pairs if p[0] == k]
assert sorted(pairs, key=lambda p: p[0], reverse=True) == [p for k in (4, 3, 2, 1, 0) for p in pairs if p[0] == k]
l = [3, 1, 2]
assert l.sort() is None and l == [1, 2, 3]
l = [3, 1, 2]
list.sort(l, reverse=1)
assert l == [3, 2, 1]
class L(list): pass
m = L([2, 1])
m.sort()
assert m == [1, 2] and type(m) is L
assert sorted(x for x in 'cab') == ['a', 'b', 'c']
assert sorted({3: 0, 1: 0}) == [1, 3]
assert sorted([], key=len) == [] and sorted([1], key=None) == [1]
assert sorted([2.5, 1, True, -3]) == [-3, True, 1, 2.5]
assert sorted(range(10, 0, -1)) == list(range(1, 11))
assert sorted(['b', 'A', 'c'], key=str.lower) == ['A', 'b', 'c']
"#,
    )
    .unwrap();
    for (src, error) in [
        ("[1].sort(1)", "TypeError"),
        ("sorted()", "TypeError"),
        ("sorted([1], [2])", "TypeError"),
        ("sorted([1], foo=1)", "TypeError"),
        ("[1].sort(cmp=None)", "TypeError"),
        ("sorted([1, 'a'])", "TypeError"),
        ("sorted(5)", "TypeError"),
    ] {
        assert_eq!(raises(&sb, src), error, "{src}");
    }
}

#[test]
fn a_failed_sort_leaves_the_list_whole() {
    let sb = sandbox();
    sb.exec(
        r#"
class Bad:
    n = 0
    def __init__(s, v): s.v = v
    def __lt__(s, o):
        Bad.n += 1
        if Bad.n > LIMIT: raise ValueError('boom')
        return s.v < o.v
for LIMIT in (0, 1, 60, 150, 400):
    Bad.n = 0
    l = [Bad((i * 37) % 101) for i in range(101)]
    try:
        l.sort()
    except ValueError:
        pass
    else:
        raise AssertionError(LIMIT)
    assert sorted(b.v for b in l) == list(range(101)), "a permutation"

# A failing key: the list is as it was.
l = [3, 1, 2]
def key(x):
    if x == 2:
        raise KeyError(x)
    return x
try:
    l.sort(key=key)
except KeyError:
    pass
assert l == [3, 1, 2]

# The list is empty while it is sorted; filling it is an error, and the sort
# wins.
l = [3, 1, 2]
seen = []
def key(x):
    seen.append(len(l))
    l.append(x)
    return x
try:
    l.sort(key=key)
except ValueError as e:
    assert 'modified during sort' in str(e), e
else:
    raise AssertionError('not detected')
assert l == [1, 2, 3] and seen == [0, 1, 2], (l, seen)
"#,
    )
    .unwrap();
}

#[test]
fn sorting_costs_one_unit_per_comparison_deterministically() {
    let mut p = Policy::new();
    p.fuel(Some(u64::MAX - 1));
    let sb = sandbox_with(&p);
    let cost = |src: &str| {
        sb.exec(src).unwrap();
        sb.fuel().consumed
    };
    let n = 100_000u64;
    let build = cost(&format!("l = [(i * 7919) % {n} for i in range({n})]"));
    let build_sorted = cost(&format!("l = list(range({n}))"));
    // In order already: n - 1 comparisons.
    assert_eq!(
        cost(&format!("l = list(range({n})); l.sort()")) - build_sorted,
        n - 1
    );
    // A permutation: n log n at most (log2(10**5) < 17), the same every time,
    // and quick (RustPython's own sort takes minutes for a few hundred
    // thousand items).
    let t = Instant::now();
    let shuffled = cost(&format!(
        "l = [(i * 7919) % {n} for i in range({n})]; l.sort()"
    )) - build;
    assert!(t.elapsed() < Duration::from_secs(20), "{:?}", t.elapsed());
    assert!(shuffled > n * 10 && shuffled < n * 17, "{shuffled}");
    for _ in 0..3 {
        assert_eq!(
            cost(&format!(
                "l = [(i * 7919) % {n} for i in range({n})]; l.sort()"
            )) - build,
            shuffled
        );
    }
    assert_eq!(sb.eval("l == list(range(100000))").unwrap(), true.into());
}

/// Each comparison walks a million list items natively: about 130,000 of them
/// would take minutes.
const SLOW_SORT: &str = "a = [0] * 10**6\nb = a + [1]\nl = [b, a] * 5000\n";

#[test]
fn a_long_sort_stops_at_the_deadline_and_frees_its_thread() {
    let mut config = Config::new();
    config.drop_grace(Duration::from_secs(20));
    let runtime = Runtime::new(&config).unwrap();
    let deadline = Duration::from_secs(1);
    for sort in [
        "l.sort()",
        "sorted(l)",
        "sorted(l, key=lambda x: x, reverse=True)",
    ] {
        let mut p = Policy::new();
        p.deadline(Some(deadline));
        let sb = runtime.sandbox(&p).unwrap();
        assert_eq!(
            sb.exec(&format!("{SLOW_SORT}{sort}")),
            Err(GuestError::DeadlineExceeded { limit: deadline }),
            "{sort}"
        );
        // The runtime waits for the thread (up to the 20 s grace) in the
        // background: the sort noticed the stop at its next comparison.
        drop(sb);
        assert!(
            runtime.wait_for_teardown(Duration::from_secs(3)),
            "{sort}: its thread did not end"
        );
    }
}

#[test]
fn a_long_sort_runs_out_of_fuel_and_cannot_catch_it() {
    let mut p = Policy::new();
    // Each comparison of two million-item lists takes milliseconds: a
    // deadline far away, so that only fuel can end it on a loaded machine.
    p.fuel(Some(100)).deadline(Some(Duration::from_secs(120)));
    let sb = sandbox_with(&p);
    assert_eq!(
        sb.exec(&format!(
            "{SLOW_SORT}try:\n    l.sort()\nexcept BaseException:\n    pass"
        )),
        Err(GuestError::FuelExhausted { limit: 100 })
    );
    assert!(sb.stopped().is_some());
}
