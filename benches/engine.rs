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
use rustpython_vm::{Interpreter, PyObjectRef, Settings};

mod common;
use common::GUEST;

/// The rows: a function of `GUEST` and its argument.
const ROWS: &[(&str, i64)] = &[("fib", 25), ("loop", 1_000_000), ("spin", 1_000_000)];

/// A plain interpreter with `GUEST` loaded, and its functions.
fn raw() -> (Interpreter, Vec<PyObjectRef>) {
    let mut settings = Settings::default();
    settings.isolated = true;
    settings.ignore_environment = true;
    settings.import_site = false;
    settings.install_signal_handlers = false;
    let builder = Interpreter::builder(settings);
    let defs = rustpython_stdlib::stdlib_module_defs(&builder.ctx);
    let interp = builder.add_native_modules(&defs).build();
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

criterion_group!(benches, engine);
criterion_main!(benches);
