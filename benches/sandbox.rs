//! Sandbox costs: cold creation, a warm pool's checkout, and one round trip
//! of a call; each also in a worker process beside a thread.
//!
//! `cargo bench --bench sandbox`

#[global_allocator]
static ALLOC: pyocap::CountingAllocator = pyocap::CountingAllocator::new();

use criterion::{criterion_group, criterion_main, Criterion};
use pyocap::{Policy, Runtime, Value};

fn creation(c: &mut Criterion) {
    let runtime = Runtime::default();
    let policy = Policy::new();
    c.bench_function("sandbox/create+drop (cold)", |b| {
        b.iter(|| {
            let sb = runtime.sandbox(&policy).unwrap();
            drop(sb);
        })
    });
    // Creation and drop timed apart: what the caller waits for in each.
    c.bench_function("sandbox/create (cold)", |b| {
        b.iter_custom(|iters| {
            let mut timed = std::time::Duration::ZERO;
            for _ in 0..iters {
                let start = std::time::Instant::now();
                let sb = runtime.sandbox(&policy).unwrap();
                timed += start.elapsed();
                drop(sb);
            }
            timed
        })
    });
    c.bench_function("sandbox/drop (after one eval)", |b| {
        b.iter_custom(|iters| {
            let mut timed = std::time::Duration::ZERO;
            for _ in 0..iters {
                let sb = runtime.sandbox(&policy).unwrap();
                sb.eval("1 + 1").unwrap();
                let start = std::time::Instant::now();
                drop(sb);
                timed += start.elapsed();
            }
            timed
        })
    });
    // The standard library in a fresh sandbox: the imports alone, timed.
    let mut with_modules = Policy::new();
    for m in ["json", "re", "collections"] {
        with_modules.allow_import(m).unwrap();
    }
    c.bench_function("sandbox/import json, re, collections (fresh sandbox)", |b| {
        b.iter_custom(|iters| {
            let mut timed = std::time::Duration::ZERO;
            for _ in 0..iters {
                let sb = runtime.sandbox(&with_modules).unwrap();
                let start = std::time::Instant::now();
                sb.exec("import json, re, collections").unwrap();
                timed += start.elapsed();
            }
            timed
        })
    });
    c.bench_function("sandbox/create+first eval", |b| {
        b.iter(|| {
            let sb = runtime.sandbox(&policy).unwrap();
            sb.eval("1 + 1").unwrap()
        })
    });
    // The same from a warm pool. A pool refills at the rate sandboxes start
    // (one per few ms, on another thread), so each sample takes at most
    // `SIZE` checkouts from a full pool, timed one by one, and scales their
    // mean to the iterations asked for; the refill and the drops are untimed.
    const SIZE: usize = 8;
    let pool = runtime.pool(&policy, SIZE, &[]).unwrap();
    for (name, first_eval) in [
        ("sandbox/pool checkout (warm)", false),
        ("sandbox/pool checkout+first eval (warm)", true),
    ] {
        c.bench_function(name, |b| {
            b.iter_custom(|iters| {
                while pool.ready() < SIZE {
                    std::thread::sleep(std::time::Duration::from_millis(2));
                }
                let n = (iters as usize).clamp(1, SIZE);
                let mut timed = std::time::Duration::ZERO;
                let mut taken = Vec::with_capacity(n);
                for _ in 0..n {
                    let start = std::time::Instant::now();
                    let sb = pool.checkout().unwrap();
                    if first_eval {
                        sb.eval("1 + 1").unwrap();
                    }
                    timed += start.elapsed();
                    taken.push(sb);
                }
                drop(taken);
                std::time::Duration::from_secs_f64(timed.as_secs_f64() / n as f64 * iters as f64)
            })
        });
    }
}

fn calls(c: &mut Criterion) {
    let runtime = Runtime::default();
    let sb = runtime.sandbox(&Policy::new()).unwrap();
    sb.exec("def add(a, b):\n    return a + b\ndef fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)").unwrap();
    c.bench_function("call/add (host -> guest -> host)", |b| {
        b.iter(|| sb.call("add", &[Value::from(1), Value::from(2)]).unwrap())
    });
    let list = Value::List((0..1000).map(Value::from).collect());
    c.bench_function("call/identity of a 1000-int list", |b| {
        b.iter(|| {
            sb.call("add", &[list.clone(), Value::List(vec![])])
                .unwrap()
        })
    });
    // Compile once: the same statements by `exec` (compiled every time) and by
    // `run` of their `Code`.
    let source: String = (0..30)
        .map(|i| format!("def h{i}(a, b=2):\n    return [a * b + {i} for _ in range(3)]\n"))
        .collect();
    let code = sb.compile(&source).unwrap();
    c.bench_function("compile/exec of 30 small functions (compiled each time)", |b| {
        b.iter(|| sb.exec(&source).unwrap())
    });
    c.bench_function("compile/run of the same, compiled once", |b| {
        b.iter(|| sb.run(&code).unwrap())
    });
    let mut group = c.benchmark_group("guest");
    group.sample_size(10);
    group.bench_function("fib(25)", |b| {
        b.iter(|| sb.call("fib", &[Value::from(25)]).unwrap())
    });
    group.finish();
}

/// Process isolation against a thread, in the same run: a sandbox's start
/// (and first answer), one call's round trip, and a pool's checkout.
fn isolation(c: &mut Criterion) {
    let mut config = pyocap::Config::new();
    config.worker_program(env!("CARGO_BIN_EXE_pyocap"));
    let runtime = Runtime::new(&config).unwrap();
    let thread = Policy::new();
    let mut process = Policy::new();
    process.isolation(pyocap::Isolation::Process);
    let mut group = c.benchmark_group("isolation");
    group.sample_size(20);
    for (name, policy) in [("thread", &thread), ("process", &process)] {
        group.bench_function(format!("start+first eval ({name})"), |b| {
            b.iter(|| runtime.sandbox(policy).unwrap().eval("1").unwrap())
        });
        let sb = runtime.sandbox(policy).unwrap();
        sb.exec("def add(a, b):\n    return a + b").unwrap();
        group.bench_function(format!("call/add round trip ({name})"), |b| {
            b.iter(|| sb.call("add", &[Value::from(1), Value::from(2)]).unwrap())
        });
        let pool = runtime.pool(policy, 4, &[]).unwrap();
        group.bench_function(format!("pool checkout+first eval ({name})"), |b| {
            b.iter(|| pool.checkout().unwrap().eval("1").unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, creation, calls, isolation);
criterion_main!(benches);
