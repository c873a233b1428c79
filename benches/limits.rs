//! Stop latency: how long after its deadline (or a `StopHandle::stop`) the host
//! gets its answer, for a guest spinning in bytecode and in a native loop.
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
    policy.deadline(Some(DEADLINE));
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

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = stops
}
criterion_main!(benches);
