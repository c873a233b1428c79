//! Sandbox costs: cold creation, and one round trip of a call.
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
    c.bench_function("sandbox/create+first eval", |b| {
        b.iter(|| {
            let sb = runtime.sandbox(&policy).unwrap();
            sb.eval("1 + 1").unwrap()
        })
    });
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
    let mut group = c.benchmark_group("guest");
    group.sample_size(10);
    group.bench_function("fib(25)", |b| {
        b.iter(|| sb.call("fib", &[Value::from(25)]).unwrap())
    });
    group.finish();
}

criterion_group!(benches, creation, calls);
criterion_main!(benches);
