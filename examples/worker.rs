//! A plugin in a worker process (`Isolation::Process`): the same API as a
//! sandbox on a thread, but the interpreter runs in a confined process of its
//! own, so a crash of the interpreter ends only that worker. This program is
//! its own worker program: `main` first calls
//! `pyocap::serve_worker_if_requested()`.
//!
//! `cargo run --example worker`

// pyocap accounts each sandbox's memory in the global allocator (in the
// worker too: it is this program).
#[global_allocator]
static ALLOC: pyocap::CountingAllocator = pyocap::CountingAllocator::new();

use pyocap::{GuestError, Isolation, Policy, Runtime, Value};
use std::time::Duration;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // Started as a worker, this serves its sandbox and never returns.
    pyocap::serve_worker_if_requested();

    let mut policy = Policy::new();
    policy.isolation(Isolation::Process).deadline(Some(Duration::from_secs(2)));
    let runtime = Runtime::default();
    let plugin = runtime.sandbox(&policy)?;
    plugin.exec("def score(xs):\n    return sum(x * x for x in xs)")?;
    let score = plugin.call("score", &[Value::List((1..=10).map(Value::from).collect())])?;
    let pid = plugin.worker_pid().expect("a process sandbox has a worker");
    println!("score {score}, computed in worker process {pid}");

    // A worker that dies (killed here from outside, as a segfault would end
    // it) ends only its own sandbox: the host and other sandboxes go on.
    std::process::Command::new("kill").args(["-KILL", &pid.to_string()]).status()?;
    match plugin.eval("1") {
        Err(GuestError::WorkerCrashed { reason }) => println!("the plugin's worker crashed ({reason})"),
        other => return Err(format!("expected WorkerCrashed, got {other:?}").into()),
    }
    let next = runtime.sandbox(&policy)?;
    println!("a new worker answers {}", next.eval("6 * 7")?);

    // The confinement, shown on this machine: each probe in a confined worker.
    let probes = pyocap::worker_self_test(&std::env::current_exe()?)?;
    for probe in &probes {
        println!("  {:<14} {:<18} {}", probe.probe, probe.observed, if probe.passed { "ok" } else { "FAIL" });
    }
    match probes.iter().all(|p| p.passed) {
        true => Ok(()),
        false => Err("the worker is not confined as it must be".into()),
    }
}
