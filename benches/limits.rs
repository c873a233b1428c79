//! Stop latency: how long after its deadline (or a `StopHandle::stop`) the host
//! gets its answer, for a guest spinning in bytecode, in a native loop and in a
//! catastrophic regular expression; and the cost of metering regular
//! expressions, of the sandbox's sort, of checked text building and of the
//! sandbox's JSON scanner.
//!
//! `cargo bench --bench limits`. Each measured time is the *overshoot* past the
//! moment the stop was due, not the whole call.

#[global_allocator]
static ALLOC: pyocap::CountingAllocator = pyocap::CountingAllocator::new();

use criterion::{criterion_group, criterion_main, Criterion};
use pyocap::{Policy, Runtime};
use std::time::{Duration, Instant};

const DEADLINE: Duration = Duration::from_millis(20);

fn deadline_overshoot(c: &mut Criterion, runtime: &Runtime, name: &str, src: &str) {
    let mut policy = Policy::new();
    policy.deadline(Some(DEADLINE)).allow_import("re").unwrap();
    c.bench_function(name, |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                // A tripped limit is terminal: a fresh sandbox each time, made
                // outside the measurement.
                let sb = runtime.sandbox(&policy).unwrap();
                let t = Instant::now();
                let r = sb.exec(src);
                total += t.elapsed().saturating_sub(DEADLINE);
                assert!(r.is_err());
            }
            total
        })
    });
}

fn stops(c: &mut Criterion) {
    let runtime = Runtime::default();
    deadline_overshoot(
        c,
        &runtime,
        "stop/deadline overshoot (while True)",
        "while True: pass",
    );
    deadline_overshoot(
        c,
        &runtime,
        "stop/deadline overshoot (sum(range(10**12)))",
        "sum(range(10**12))",
    );
    deadline_overshoot(
        c,
        &runtime,
        "stop/deadline overshoot (catastrophic regex)",
        "import re\nre.match(r'(a+)+$', 'a' * 40 + 'b')",
    );
    let mut policy = Policy::new();
    policy.deadline(None);
    c.bench_function("stop/StopHandle::stop until the call returns", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let sb = runtime.sandbox(&policy).unwrap();
                let stop = sb.stop_handle();
                let (tx, rx) = std::sync::mpsc::channel();
                let spinning = std::thread::spawn(move || {
                    let _ = tx.send(sb.exec("while True: pass"));
                    sb // dropped (joined, torn down) outside the measurement
                });
                std::thread::sleep(Duration::from_millis(5));
                let t = Instant::now();
                stop.stop();
                let r = rx.recv().unwrap();
                total += t.elapsed();
                assert!(r.is_err());
                drop(spinning.join().unwrap());
            }
            total
        })
    });
}

/// The cost of the metered pre-run of regular expressions: a search that
/// finds nothing runs once (the pre-run), one that matches at the very end
/// scans the same text twice (pre-run and real run).
fn regex(c: &mut Criterion) {
    let runtime = Runtime::default();
    let mut policy = Policy::new();
    policy.allow_import("re").unwrap();
    let sb = runtime.sandbox(&policy).unwrap();
    sb.exec(
        "import re\n\
         text = ('lorem ipsum dolor sit amet, ' * 4000)[:100000]\n\
         words = re.compile(r'[a-z]+')\n\
         tail = re.compile(r'zz\\d')\n\
         tailed = text + 'zz1'",
    )
    .unwrap();
    let mut group = c.benchmark_group("regex (100 KB text)");
    for (name, expr) in [
        ("search, no match (pre-run only)", "tail.search(text)"),
        (
            "search, match at the end (pre-run + run)",
            "tail.search(tailed)",
        ),
        ("findall words", "len(words.findall(text))"),
        ("sub words", "len(words.sub('x', text))"),
    ] {
        group.bench_function(name, |b| b.iter(|| sb.eval(expr).unwrap()));
    }
    group.finish();
}

/// The sandbox's metered merge sort (RustPython's own sort is quadratic: 14 s
/// for 200,000 shuffled ints on the reference machine).
fn sort(c: &mut Criterion) {
    let runtime = Runtime::default();
    let sb = runtime.sandbox(&Policy::new()).unwrap();
    sb.exec(
        "n = 100_000\n\
         shuffled = [(i * 7919) % n for i in range(n)]\n\
         ordered = list(range(n))\n\
         few = [('ab', 'cd', 'ef', 'gh')[i % 4] for i in shuffled]",
    )
    .unwrap();
    let mut group = c.benchmark_group("sort (100,000 items)");
    for (name, expr) in [
        ("shuffled ints", "len(sorted(shuffled))"),
        ("ints in order", "len(sorted(ordered))"),
        ("four distinct strs", "len(sorted(few))"),
        ("shuffled ints, key", "len(sorted(shuffled, key=abs))"),
    ] {
        group.bench_function(name, |b| b.iter(|| sb.eval(expr).unwrap()));
    }
    group.finish();
}

/// Building text, 100,000 times: an f-string with two fields compiles to a
/// checked `''.join` (SPEC §5.6); the other lines build the same text by the
/// native paths, and a one-field f-string keeps the interpreter's own
/// `BUILD_STRING`.
fn text(c: &mut Criterion) {
    let runtime = Runtime::default();
    let sb = runtime.sandbox(&Policy::new()).unwrap();
    let mut group = c.benchmark_group("text (100,000 strings)");
    for (name, expr) in [
        ("f'{i}-{i}' (checked concat)", "f'{i}-{i}'"),
        ("f'{i}-' (one field, native)", "f'{i}-'"),
        ("str(i) + '-' + str(i)", "str(i) + '-' + str(i)"),
        ("'%s-%s' % (i, i)", "'%s-%s' % (i, i)"),
        ("'{}-{}'.format(i, i)", "'{}-{}'.format(i, i)"),
    ] {
        sb.exec(&format!(
            "def build(n):\n    for i in range(n):\n        s = {expr}\n    return s"
        ))
        .unwrap();
        group.bench_function(name, |b| {
            b.iter(|| sb.call("build", &[pyocap::Value::from(100_000)]).unwrap())
        });
    }
    group.finish();
}

/// `json.loads` (the sandbox's own scanner) and `json.dumps` of a 1.7 MB
/// document of 20,000 records, and splitting its text (checked for its
/// pieces against the memory budget).
fn json(c: &mut Criterion) {
    let runtime = Runtime::default();
    let mut policy = Policy::new();
    policy.allow_import("json").unwrap();
    let sb = runtime.sandbox(&policy).unwrap();
    sb.exec(
        "import json\ndoc = json.dumps([{'id': i, 'name': 'item%d' % i, 'tags': ['a', 'b'], \
         'price': i * 1.5, 'ok': True} for i in range(20000)])\nvalue = json.loads(doc)",
    )
    .unwrap();
    let mut group = c.benchmark_group("json (20,000 records, 1.7 MB)");
    for (name, expr) in [
        ("json.loads", "len(json.loads(doc))"),
        ("json.dumps", "len(json.dumps(value))"),
        ("doc.split(',')", "len(doc.split(','))"),
    ] {
        group.bench_function(name, |b| b.iter(|| sb.eval(expr).unwrap()));
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = stops, regex, sort, text, json
}
criterion_main!(benches);
