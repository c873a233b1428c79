//! What an idle sandbox costs in memory, beside a plain RustPython 0.5
//! interpreter in the same run: the bytes its account counts
//! (`Sandbox::memory_used`) and the process's RSS growth per idle sandbox
//! (its interpreter, its library views, its thread's touched stack), each over
//! 32 kept alive at once. RustPython 0.5 (built without threading) keeps its
//! built-in types per thread, so the raw interpreters are measured both on one
//! thread (sharing one set of types) and each on a thread of its own (as every
//! sandbox is).
//!
//! `cargo run --release --example footprint`

#[global_allocator]
static ALLOC: pyocap::CountingAllocator = pyocap::CountingAllocator::new();

use pyocap::{Policy, Runtime};
use rustpython_vm::Interpreter;

#[path = "../benches/common/mod.rs"]
mod common;
use common::raw_interpreter;

const N: usize = 32;

/// Resident set size of this process, in bytes (Linux; 0 elsewhere).
fn rss() -> usize {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1)?.parse::<usize>().ok())
        .map_or(0, |pages| pages * 4096)
}

fn mib(bytes: f64) -> String {
    format!("{:.2} MiB", bytes / (1024.0 * 1024.0))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let runtime = Runtime::default();
    let policy = Policy::new();
    // Warm the process (lazy statics, the frozen library's index) first.
    drop(runtime.sandbox(&policy)?);
    drop(raw_interpreter());
    runtime.wait_for_teardown(std::time::Duration::from_secs(30));

    let before = rss();
    let raw: Vec<Interpreter> = (0..N).map(|_| raw_interpreter()).collect();
    let raw_rss = (rss().saturating_sub(before)) as f64 / N as f64;
    drop(raw);

    // Each on a thread of its own, kept alive until all are measured.
    let before = rss();
    let (release, wait) = std::sync::mpsc::channel::<()>();
    let wait = std::sync::Arc::new(std::sync::Mutex::new(wait));
    let (ready_tx, ready) = std::sync::mpsc::channel();
    let threads: Vec<_> = (0..N)
        .map(|_| {
            let (wait, ready_tx) = (wait.clone(), ready_tx.clone());
            std::thread::Builder::new()
                .stack_size(256 << 20)
                .spawn(move || {
                    let interp = raw_interpreter();
                    ready_tx.send(()).unwrap();
                    let _ = wait.lock().unwrap().recv();
                    drop(interp);
                })
                .unwrap()
        })
        .collect();
    for _ in 0..N {
        ready.recv()?;
    }
    let raw_thread_rss = (rss().saturating_sub(before)) as f64 / N as f64;
    drop(release);
    for t in threads {
        t.join().unwrap();
    }

    let before = rss();
    let sandboxes = (0..N)
        .map(|_| {
            let sb = runtime.sandbox(&policy)?;
            sb.eval("1 + 1")?;
            Ok(sb)
        })
        .collect::<Result<Vec<_>, Box<dyn std::error::Error>>>()?;
    let sandbox_rss = (rss().saturating_sub(before)) as f64 / N as f64;
    let counted = sandboxes.iter().map(|s| s.memory_used()).sum::<usize>() as f64 / N as f64;

    println!("idle, per instance, over {N} alive at once:");
    println!("  raw RustPython 0.5 interpreter, all on one thread   RSS {}", mib(raw_rss));
    println!("  raw RustPython 0.5 interpreter, each on its thread  RSS {}", mib(raw_thread_rss));
    println!(
        "  pyocap sandbox (default policy)                     RSS {}, counted by its account {}",
        mib(sandbox_rss),
        mib(counted)
    );
    Ok(())
}
