//! pyocap against the engine it runs on, in the same run: the same guest code
//! in a plain RustPython 0.5 interpreter (the same native modules, no sandbox,
//! on the bench's thread) and in a sandbox of the default policy (which meters
//! fuel) and of the default policy with metering off. Every pyocap figure is also a ratio to the raw one.
//!
//! `cargo bench --bench engine`
//!
//! The bench binary installs `CountingAllocator` (a sandbox needs it), so the
//! raw interpreter runs on it too, on a thread without an account: the raw
//! figure includes the allocator's one thread-local check per allocation.

#[global_allocator]
static ALLOC: pyocap::CountingAllocator = pyocap::CountingAllocator::new();

use criterion::{criterion_group, criterion_main, Criterion};
use pyocap::{Policy, Runtime, Value};
use rustpython_vm::{Interpreter, PyObjectRef};

mod common;
use common::GUEST;

/// The rows: a function of `GUEST` and its argument.
const ROWS: &[(&str, i64)] = &[("fib", 25), ("loop", 1_000_000), ("spin", 1_000_000)];

/// A plain interpreter with `GUEST` loaded, and its functions.
fn raw() -> (Interpreter, Vec<PyObjectRef>) {
    let interp = common::raw_interpreter();
    let funcs = interp.enter(|vm| {
        let scope = vm.new_scope_with_builtins();
        vm.run_string(scope.clone(), GUEST, "<bench>".to_owned())
            .expect("guest code runs");
        ROWS.iter()
            .map(|(name, _)| scope.globals.get_item(*name, vm).expect("defined"))
            .collect()
    });
    (interp, funcs)
}

fn engine(c: &mut Criterion) {
    let (interp, funcs) = raw();
    let runtime = Runtime::default();
    let sandboxes = [false, true].map(|metering| {
        let mut policy = Policy::new();
        policy.fuel_metering(metering).deadline(None);
        let sb = runtime.sandbox(&policy).unwrap();
        sb.exec(GUEST).unwrap();
        sb
    });
    for ((name, arg), func) in ROWS.iter().zip(&funcs) {
        let mut group = c.benchmark_group(format!("{name}({arg})"));
        group.sample_size(10);
        group.bench_function("raw RustPython", |b| {
            b.iter(|| {
                interp.enter(|vm| {
                    func.call((vm.ctx.new_int(*arg),), vm).expect("runs");
                })
            })
        });
        for (sb, label) in sandboxes
            .iter()
            .zip(["pyocap, fuel metering off", "pyocap, default policy (fuel metering)"])
        {
            group.bench_function(label, |b| {
                b.iter(|| sb.call(name, &[Value::from(*arg)]).unwrap())
            });
        }
        group.finish();
    }
}

/// Creation beside the engine's own: a plain interpreter built (and dropped)
/// on a fresh thread, as each sandbox is (RustPython 0.5 keeps its built-in
/// types per thread, so a new thread builds them again), and a sandbox's
/// creation as its caller waits for it (its drop is off the caller's path).
fn creation(c: &mut Criterion) {
    let mut group = c.benchmark_group("create");
    group.sample_size(20);
    group.bench_function("raw RustPython interpreter on a new thread", |b| {
        b.iter_custom(|iters| {
            let mut timed = std::time::Duration::ZERO;
            for _ in 0..iters {
                let (tx, rx) = std::sync::mpsc::channel();
                let start = std::time::Instant::now();
                let t = std::thread::Builder::new()
                    .stack_size(256 << 20)
                    .spawn(move || {
                        let interp = common::raw_interpreter();
                        tx.send(()).unwrap();
                        drop(interp);
                    })
                    .unwrap();
                rx.recv().unwrap();
                timed += start.elapsed();
                t.join().unwrap();
            }
            timed
        })
    });
    let runtime = Runtime::default();
    let policy = Policy::new();
    group.bench_function("pyocap sandbox, default policy", |b| {
        b.iter_custom(|iters| {
            let mut timed = std::time::Duration::ZERO;
            for _ in 0..iters {
                let start = std::time::Instant::now();
                let sb = runtime.sandbox(&policy).unwrap();
                timed += start.elapsed();
                drop(sb);
                // Like the raw row: the previous teardown is not running
                // beside the next creation.
                runtime.wait_for_teardown(std::time::Duration::from_secs(10));
            }
            timed
        })
    });
    group.finish();
}

criterion_group!(benches, engine, creation);
criterion_main!(benches);
