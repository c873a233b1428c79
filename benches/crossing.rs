//! Costs of crossing the membrane.
//!
//! `cargo bench --bench crossing`

use criterion::{criterion_group, criterion_main, Criterion};
use pyocap::{Methods, Policy, Runtime, UserObject, Value};

#[global_allocator]
static ALLOC: pyocap::CountingAllocator = pyocap::CountingAllocator::new();

struct Counter;

impl UserObject for Counter {
    fn type_name(&self) -> &str {
        "Counter"
    }
    fn register(m: &mut Methods<Self>) {
        m.add_method("get", |_, ()| Ok(1i64));
        m.add_field("limit", |_| 10i64);
    }
}

fn crossing(c: &mut Criterion) {
    let runtime = Runtime::default();
    let sb = runtime.sandbox(&Policy::new()).unwrap();
    sb.grant(
        "add",
        &runtime.host_fn("add", |(a, b): (i64, i64)| Ok(a + b)),
    )
    .unwrap();
    sb.grant("counter", &runtime.wrap(Counter)).unwrap();
    sb.exec(
        "def guest_to_host(n):\n    s = 0\n    for i in range(n):\n        s = add(s, 1)\n    return s\n\
         def attr_read(n):\n    s = 0\n    for i in range(n):\n        s += counter.limit\n    return s\n\
         def method_call(n):\n    s = 0\n    for i in range(n):\n        s += counter.get()\n    return s\n\
         def baseline(n):\n    s = 0\n    for i in range(n):\n        s = s + 1\n    return s\n\
         def ident(x):\n    return x",
    )
    .unwrap();
    let n = Value::from(1000);
    c.bench_function("guest->host fn call (x1000 in one guest call)", |b| {
        b.iter(|| sb.call("guest_to_host", std::slice::from_ref(&n)).unwrap())
    });
    c.bench_function("filtered field read through a proxy (x1000)", |b| {
        b.iter(|| sb.call("attr_read", std::slice::from_ref(&n)).unwrap())
    });
    c.bench_function("proxy method call (x1000)", |b| {
        b.iter(|| sb.call("method_call", std::slice::from_ref(&n)).unwrap())
    });
    c.bench_function("baseline guest loop (x1000)", |b| {
        b.iter(|| sb.call("baseline", std::slice::from_ref(&n)).unwrap())
    });
    c.bench_function("host->guest call", |b| {
        b.iter(|| sb.call("ident", &[Value::from(1)]).unwrap())
    });
    let list = Value::List((0..1000).map(Value::from).collect());
    c.bench_function("copy of a 1000-element list (in and out)", |b| {
        b.iter(|| sb.call("ident", std::slice::from_ref(&list)).unwrap())
    });

    // Guest objects: the host calling a guest function through its capability,
    // and one sandbox calling another's function (x100 in one call).
    let ident = match sb.eval("ident").unwrap() {
        Value::Cap(c) => c,
        other => panic!("{other:?}"),
    };
    c.bench_function("host->guest object call (capability)", |b| {
        b.iter(|| ident.call(vec![1.into()]).unwrap())
    });
    let other = runtime.sandbox(&Policy::new()).unwrap();
    other.grant("ident", &ident).unwrap();
    other
        .exec(
            "def cross(n):\n    s = 0\n    for i in range(n):\n        s += ident(1)\n    return s",
        )
        .unwrap();
    let hundred = Value::from(100);
    c.bench_function("sandbox->sandbox call (x100 in one guest call)", |b| {
        b.iter(|| other.call("cross", std::slice::from_ref(&hundred)).unwrap())
    });
}

/// Errors and the Python master: a guest exception caught by the host, and a
/// slave calling an object of a trusted Python master (x100 in one call).
fn errors_and_master(c: &mut Criterion) {
    let runtime = Runtime::default();
    let sb = runtime.sandbox(&Policy::new()).unwrap();
    sb.exec("def boom():\n    raise ValueError('no')").unwrap();
    c.bench_function("guest raise ValueError, caught by the host", |b| {
        b.iter(|| sb.call("boom", &[]).unwrap_err())
    });
    let master = runtime.sandbox(&Policy::master()).unwrap();
    master
        .exec(
            "import pyocap\nclass Bank:\n    def balance(self):\n        return 1\n\
             slave = pyocap.Sandbox()\nslave.grant('bank', Bank(), allow=['balance'])\n\
             slave.exec('def cross(n):\\n    s = 0\\n    for i in range(n):\\n        s += bank.balance()\\n    return s')",
        )
        .unwrap();
    c.bench_function("slave -> Python master object call (x100 in one call)", |b| {
        b.iter(|| master.eval("slave.eval('cross(100)')").unwrap())
    });
}

criterion_group!(benches, crossing, errors_and_master);
criterion_main!(benches);
