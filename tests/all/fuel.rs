//! Fuel: deterministic, per call, terminal, uncatchable, and charged for every
//! way Python repeats work (loops, calls, comprehensions, lambdas, native
//! iteration).

use crate::util::*;
use pyocap::{ConfigError, FuelReading, GuestError, Policy, Sandbox, Value};
use std::time::Duration;

fn with_fuel(units: u64) -> Sandbox {
    let mut p = Policy::new();
    p.fuel(Some(units)).deadline(Some(Duration::from_secs(20)));
    sandbox_with(&p)
}

/// Fuel one call used, in a fresh unmetered sandbox after `setup`.
fn consumed(setup: &str, call: &str) -> u64 {
    let sb = sandbox();
    sb.exec(setup).unwrap();
    sb.exec(call).unwrap();
    sb.fuel().consumed
}

#[test]
fn fuel_stops_a_loop_and_is_terminal() {
    let sb = with_fuel(10_000);
    let err = sb.exec("while True:\n    pass").unwrap_err();
    assert_eq!(err, GuestError::FuelExhausted { limit: 10_000 });
    assert!(err.is_limit() && err.is_terminal());
    assert_eq!(
        sb.fuel(),
        FuelReading {
            consumed: 10_000,
            remaining: Some(0)
        }
    );
    assert_eq!(sb.eval("1"), Err(err.clone()));
    assert_eq!(sb.stopped(), Some(err));
}

#[test]
fn fuel_is_per_call_and_readable() {
    let sb = sandbox();
    sb.exec("def work(n):\n    t = 0\n    for i in range(n):\n        t += i\n    return t")
        .unwrap();
    assert_eq!(sb.fuel().remaining, None, "unmetered by default");
    sb.set_fuel(Some(5_000)).unwrap();
    assert_eq!(
        sb.call("work", &[Value::from(1000)]).unwrap(),
        Value::from(499_500)
    );
    let first = sb.fuel();
    assert!(
        (1000..1100).contains(&first.consumed),
        "one unit per iteration, a few for the call: {first:?}"
    );
    assert_eq!(first.remaining, Some(5_000 - first.consumed));
    // Each call starts from the full budget.
    sb.call("work", &[Value::from(1000)]).unwrap();
    assert_eq!(sb.fuel().remaining, Some(5_000 - sb.fuel().consumed));
    sb.set_fuel(None).unwrap();
    sb.call("work", &[Value::from(100_000)]).unwrap();
    assert!(sb.fuel().consumed >= 100_000);
    assert_eq!(sb.fuel().remaining, None);
    // Out of fuel in the middle of the call.
    sb.set_fuel(Some(500)).unwrap();
    assert_eq!(
        sb.call("work", &[Value::from(1000)]),
        Err(GuestError::FuelExhausted { limit: 500 })
    );
}

#[test]
fn same_program_same_fuel_same_stopping_point_over_100_runs() {
    // Loops, recursion, comprehensions, generators, lambdas, native iteration,
    // dict and set order, exceptions: all of it must meter identically.
    let program = "\
log = []
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
def gen(n):
    for i in range(n):
        yield i * i
class Acc:
    def __init__(self):
        self.items = {}
    def add(self, k, v):
        self.items[k] = self.items.get(k, 0) + v
acc = Acc()
step = 0
while True:
    step += 1
    acc.add(step % 7, fib(step % 12))
    s = sum(gen(step % 50))
    words = sorted({str(x) for x in range(step % 30)}, key=lambda w: (len(w), w))
    try:
        if step % 5 == 0:
            raise ValueError(step)
    except ValueError as e:
        log.append(e.args[0])
    log.append((step, s, len(words), ''.join(words)[:5]))
    print(step, s)
";
    let mut seen = None;
    for _ in 0..100 {
        let sb = with_fuel(200_000);
        let err = sb.exec(program).unwrap_err();
        assert_eq!(err, GuestError::FuelExhausted { limit: 200_000 });
        let out = sb.take_output();
        let reading = sb.fuel();
        assert_eq!(reading.remaining, Some(0));
        let here = (out, reading);
        match &seen {
            None => seen = Some(here),
            Some(first) => assert_eq!(first, &here, "a run stopped at another point"),
        }
    }
    let (out, _) = seen.unwrap();
    assert!(out.lines().count() > 10, "the program made progress: {out}");
    // And a program that finishes uses the same fuel on every run.
    let mut used = None;
    for _ in 0..100 {
        let sb = with_fuel(10_000_000);
        sb.exec("def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nr = [fib(i) for i in range(18)]")
            .unwrap();
        let u = sb.fuel().consumed;
        assert_eq!(*used.get_or_insert(u), u);
    }
}

#[test]
fn fuel_exhaustion_cannot_be_escaped() {
    for src in ESCAPES {
        let sb = with_fuel(50_000);
        assert_eq!(
            sb.exec(src),
            Err(GuestError::FuelExhausted { limit: 50_000 }),
            "{src}"
        );
    }
}

#[test]
fn every_way_to_repeat_work_is_charged() {
    // (setup, code run 1000 times or over 1000 items, the least it may cost)
    let cases = [
        ("", "for i in range(1000): pass", 1000),
        ("", "i = 0\nwhile i < 1000: i += 1", 1000),
        ("def f(): pass", "for i in range(1000): f()", 2000),
        ("", "[x for x in range(1000)]", 1000),
        ("", "{x: x for x in range(1000)}", 1000),
        ("", "sum(x for x in range(1000))", 1000),
        ("", "list(map(lambda x: x, range(1000)))", 2000),
        ("", "sum(range(1000))", 1000),
        ("", "sorted(range(1000))", 1000),
        ("", "max(iter(list(range(1000))))", 1000),
        ("", "any(x > 10**9 for x in range(1000))", 1000),
        ("", "''.join(map(str, range(1000)))", 2000),
        // Native text building: one unit per item repr, per format field.
        ("x = [(1,)] * 1000", "repr(x)", 1000),
        ("", "('{}' * 1000).format(*range(1000))", 1000),
        (
            "class It:\n    def __init__(self): self.n = 0\n    def __iter__(self): return self\n    def __next__(self):\n        self.n += 1\n        if self.n > 1000: raise StopIteration\n        return self.n",
            "list(It())",
            // `__next__` runs four statements per call.
            4000,
        ),
        ("def f(n): return 0 if n == 0 else f(n - 1)", "f(900)", 900),
    ];
    for (setup, code, least) in cases {
        let used = consumed(setup, code);
        assert!(
            used >= least,
            "{code}: {used} units, expected at least {least}"
        );
        assert!(
            used < least * 3 + 100,
            "{code}: {used} units is out of proportion"
        );
    }
}

#[test]
fn a_repr_of_shared_structure_runs_out_of_fuel() {
    // Sixty levels of a list holding its child twice: a repr of 2^60 leaves,
    // built natively from a few hundred bytes of objects. Every item's repr
    // costs a unit, so it ends out of fuel at the same point on every run.
    let src = "a = ['x']\nfor i in range(60):\n    a = [a, a]\ntry:\n    s = repr(a)\nexcept BaseException:\n    pass";
    for _ in 0..3 {
        let sb = with_fuel(1_000_000);
        assert_eq!(
            sb.exec(src),
            Err(GuestError::FuelExhausted { limit: 1_000_000 })
        );
        assert!(sb.stop_handle().stop(), "the thread is still busy");
    }
}

#[test]
fn weight_is_the_statements_a_body_runs() {
    let one = consumed("", "for i in range(1000):\n    x = i");
    let four = consumed(
        "",
        "for i in range(1000):\n    x = i\n    y = x\n    if y:\n        z = y",
    );
    assert!((4000..4100).contains(&four), "{four}");
    assert!(one < 1100, "{one}");
}

#[test]
fn tick_constants_are_not_reachable_from_guest_source() {
    // The sandbox's own constants start with a per-process secret: whatever
    // string the guest spells, as a literal or through the code generator's
    // constant folding (concatenation, repetition, `%`, implicit joins), stays
    // a string. Earlier, `'\x00pyocap fu' + 'el tick 0'` folded into a
    // weight-0 tick: native iteration through it cost no fuel.
    let sb = sandbox();
    for spelled in [
        "'\\x00pyocap fuel tick 5'",
        "'\\x00pyocap fu' + 'el tick 0'",
        "'\\x00pyocap fuel tick 1' * 1",
        "'\\x00pyocap fuel tick 1' % ()",
        "'\\x00pyocap ' 'concat'",
        "f'\\x00pyocap fuel tick {5}'",
        "('\\x00pyocap fuel tick 2',)[0]",
    ] {
        assert_eq!(
            sb.eval(&format!("type({spelled}) is str")).unwrap(),
            Value::Bool(true),
            "{spelled}"
        );
    }
    let metered = with_fuel(10_000);
    let err = metered
        .exec("t = '\\x00pyocap fu' + 'el tick 0'\nsum(t(range(10**6)))")
        .unwrap_err();
    assert_eq!(err.kind(), "TypeError", "{err:?}");
    // Code that merely looks at its own functions sees ordinary behaviour.
    assert_eq!(
        sb.eval("(lambda: 3)() + [y for y in (1, 2)][1] + (lambda *a: len(a))(1, 2)")
            .unwrap(),
        Value::from(7)
    );
    // Docstrings stay docstrings.
    sb.exec("def f():\n    'doc'\n    return 1").unwrap();
    assert_eq!(sb.eval("f.__doc__").unwrap(), Value::from("doc"));
}

#[test]
fn tracebacks_keep_their_line_numbers() {
    let sb = sandbox();
    let err = sb
        .exec("def f(n):\n    for i in range(n):\n        x = 1\n        if i == 2:\n            raise ValueError(i)\nf(5)")
        .unwrap_err();
    let GuestError::Exception { traceback, .. } = err else {
        panic!("{err:?}")
    };
    assert!(traceback.contains("line 5"), "{traceback}");
    assert!(traceback.contains("line 6"), "{traceback}");
}

#[test]
fn metering_can_be_turned_off_but_then_no_budget_is_accepted() {
    let mut p = Policy::new();
    p.fuel_metering(false);
    let sb = sandbox_with(&p);
    assert!(matches!(
        sb.set_fuel(Some(10)),
        Err(ConfigError::InvalidLimit(_))
    ));
    sb.exec("for i in range(10000): pass").unwrap();
    assert!(
        sb.fuel().consumed < 100,
        "loops are not metered: {:?}",
        sb.fuel()
    );
    p.fuel(Some(10));
    assert!(matches!(
        runtime().sandbox(&p),
        Err(ConfigError::InvalidLimit(_))
    ));
}

#[test]
fn native_loops_stop_at_the_deadline() {
    for src in [
        "sum(range(10**12))",
        "any(iter(int, 1))",
        "max(x for x in iter(int, 1))",
        "sorted(iter(int, 1))",
        "''.join(map(str, iter(int, 1)))",
    ] {
        let mut p = Policy::new();
        p.deadline(Some(Duration::from_millis(200)));
        let sb = sandbox_with(&p);
        let t = std::time::Instant::now();
        let r = sb.exec(src);
        assert!(
            matches!(
                r,
                Err(GuestError::DeadlineExceeded { .. } | GuestError::MemoryLimit { .. })
            ),
            "{src}: {r:?}"
        );
        assert!(
            t.elapsed() < Duration::from_secs(2),
            "{src}: {:?}",
            t.elapsed()
        );
    }
}

#[test]
fn unrolled_while_loops_mean_what_they_say() {
    // Small innermost `while` loops are unrolled (one tick per four
    // iterations): each program must give the same result with and without
    // fuel ticks, and the result Python gives.
    let cases = [
        (
            "calls = 0\ndef t():\n    global calls\n    calls += 1\n    return calls <= 7\nn = 0\nwhile t(): n += 1\nresult = (n, calls)",
            "(7, 8)",
        ),
        (
            "def count(n):\n    i = 0\n    while i < n: i += 1\n    return i\nresult = [count(n) for n in range(10)]",
            "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]",
        ),
        (
            "i = 0\nout = []\nwhile i < 20:\n    i += 1\n    if i % 3 == 0: continue\n    if i > 14: break\n    out.append(i)\nresult = (i, out)",
            "(16, [1, 2, 4, 5, 7, 8, 10, 11, 13, 14])",
        ),
        (
            "log = []\ni = 0\nwhile True:\n    i += 1\n    try:\n        if i == 5: break\n        if i % 2: continue\n        log.append(i)\n    finally:\n        log.append(-i)\nresult = log",
            "[-1, 2, -2, -3, 4, -4, -5]",
        ),
        (
            "def t(i):\n    if i == 6: raise ValueError(i)\n    return True\ni = 0\ntry:\n    while t(i): i += 1\nexcept ValueError as e:\n    result = (i, e.args)",
            "(6, (6,))",
        ),
        (
            "def g(n):\n    i = 0\n    while i < n:\n        yield i\n        i += 1\nresult = (list(g(7)), list(g(0)), list(g(1)))",
            "([0, 1, 2, 3, 4, 5, 6], [], [0])",
        ),
        (
            "i = 0\nwhile i < 3: i += 1\nelse: i = -i\nj = 0\nwhile j < 9:\n    j += 1\n    if j == 2: break\nelse: j = -j\nresult = (i, j)",
            "(-3, 2)",
        ),
        (
            "pairs = 0\na = 0\nwhile a < 5:\n    b = 0\n    while b < a:\n        b += 1\n        pairs += 1\n    a += 1\nresult = pairs",
            "10",
        ),
        (
            "n = 10\nsteps = []\nwhile (n := n - 3) > 0: steps.append(n)\nresult = (n, steps)",
            "(-2, [7, 4, 1])",
        ),
    ];
    let mut off = Policy::new();
    off.fuel_metering(false);
    for (program, expected) in cases {
        for sb in [sandbox(), sandbox_with(&off)] {
            sb.exec(program)
                .unwrap_or_else(|e| panic!("{program}: {e:?}"));
            assert_eq!(
                sb.eval("repr(result)").unwrap(),
                Value::from(expected),
                "{program}"
            );
        }
    }
    // An error in a later copy of the body names its own line.
    let err = sandbox()
        .exec("i = 0\nwhile i < 10:\n    i += 1\n    if i == 3:\n        raise ValueError(i)")
        .unwrap_err();
    let GuestError::Exception { traceback, .. } = err else {
        panic!("{err:?}")
    };
    assert!(traceback.contains("line 5"), "{traceback}");
}

#[test]
fn an_unrolled_loop_pays_for_its_iterations_in_advance() {
    // One statement per iteration: one unit each, paid four at a time.
    let base = consumed("", "i = 0");
    for (n, least) in [(0, 0), (1, 4), (4, 4), (5, 8), (1000, 1000)] {
        let used = consumed("", &format!("i = 0\nwhile i < {n}: i += 1")) - base;
        assert_eq!(used, least, "{n} iterations");
    }
    // A budget that runs out mid-loop stops it at the same iteration on every
    // run, after a whole number of four-iteration blocks: a block is paid
    // before it starts.
    let mut seen = None;
    for _ in 0..5 {
        let sb = with_fuel(1_000);
        let err = sb
            .exec("i = 0\nwhile True:\n    i += 1\n    print(i)")
            .unwrap_err();
        assert_eq!(err, GuestError::FuelExhausted { limit: 1_000 });
        let printed = sb.take_output().lines().count();
        assert!(printed > 100 && printed.is_multiple_of(4), "{printed}");
        assert_eq!(*seen.get_or_insert(printed), printed);
    }
}

/// No heap address reaches a guest (SPEC §4.4): ids, default hashes (and so
/// the order of sets of objects), and default reprs are the sandbox's own
/// deterministic identities, so a program that shows them, orders by them and
/// runs out of fuel prints the same text and stops at the same point every run.
#[test]
fn identities_are_the_same_on_every_run() {
    let program = "\
class A:
    pass
def f():
    pass
def g():
    yield 1
objs = [A() for _ in range(40)] + [object() for _ in range(10)] + [[] for _ in range(5)]
nan = float('nan')
print(sorted(id(o) for o in objs)[:3])
print([hash(o) % 1000 for o in objs[:5]])
hashable = objs[:50]
print(repr(objs[0]), repr(objs[41]), f, g(), [].append, (1).__add__, repr(memoryview(b'')))
print([objs.index(o) for o in set(hashable)][:20])
print([objs.index(o) for o in {o: 1 for o in hashable}][:5], hash(nan) == hash(nan))
print(sorted(range(len(objs)), key=lambda i: id(objs[i]))[:10])
print(len({A() for _ in range(100)}), len({id(A()) for _ in range(100)}))
step = 0
while True:
    step += 1
    tmp = [A() for _ in range(step % 7)]
    print(step, len({hash(t) for t in tmp}), [id(t) % 4096 for t in tmp][:2], id(tmp) % 4096)
";
    let mut seen = None;
    for _ in 0..100 {
        let sb = with_fuel(20_000);
        let err = sb.exec(program).unwrap_err();
        assert_eq!(err, GuestError::FuelExhausted { limit: 20_000 });
        let here = (sb.take_output(), sb.fuel());
        match &seen {
            None => seen = Some(here),
            Some(first) => assert_eq!(first, &here, "a run differed"),
        }
    }
    let (out, _) = seen.unwrap();
    assert!(!out.contains("0x5") && !out.contains("0x6"), "an address: {out}");
    assert!(out.lines().count() > 20, "{out}");
}

/// Division of large integers costs fuel by size, as a product does.
#[test]
fn large_integer_division_costs_fuel_by_size() {
    let sb = with_fuel(10_000_000);
    sb.exec("x = 3 ** (2 ** 20)").unwrap();
    // Fuel is counted per call.
    let cost = |src: &str| {
        sb.exec(src).unwrap();
        sb.fuel().consumed
    };
    let add = cost("y = x + 1");
    for src in ["y = x // 7", "y = x % 7", "y = divmod(x, 7)", "y = 7 % x"] {
        let c = cost(src);
        assert!(c > add + 20_000, "{src}: {c} units, addition {add}");
    }
    assert!(cost("y = 10 ** 30 // 7") < 100);
}
