//! The cost of fuel metering: the same guest code in a sandbox compiled without
//! fuel ticks, with ticks but no budget, and with a budget.
//!
//! `cargo bench --bench fuel`

#[global_allocator]
static ALLOC: pyocap::CountingAllocator = pyocap::CountingAllocator::new();

use criterion::{criterion_group, criterion_main, Criterion};
use pyocap::{Policy, Runtime, Sandbox, Value};

mod common;
use common::GUEST;

fn sandbox(runtime: &Runtime, metering: bool, fuel: Option<u64>) -> Sandbox {
    let mut policy = Policy::new();
    policy.fuel_metering(metering).fuel(fuel).deadline(None);
    let sb = runtime.sandbox(&policy).unwrap();
    sb.exec(GUEST).unwrap();
    sb
}

fn metering(c: &mut Criterion) {
    let runtime = Runtime::default();
    let variants = [
        ("no ticks", sandbox(&runtime, false, None)),
        ("ticks, unmetered", sandbox(&runtime, true, None)),
        ("ticks, budget", sandbox(&runtime, true, Some(u64::MAX - 1))),
    ];
    let cases: [(&str, &str, i64); 3] = [
        ("fib(25)", "fib", 25),
        ("for-loop 1M", "loop", 1_000_000),
        ("while-loop 1M", "spin", 1_000_000),
    ];
    for (case, func, arg) in cases {
        let mut group = c.benchmark_group(format!("fuel/{case}"));
        group.sample_size(10);
        for (name, sb) in &variants {
            group.bench_function(*name, |b| {
                b.iter(|| sb.call(func, &[Value::from(arg)]).unwrap())
            });
        }
        group.finish();
    }
}

criterion_group!(benches, metering);
criterion_main!(benches);
