//! Embedding pyocap in a Rust host: a sandbox, data in and out, wrapped errors.
//!
//! `cargo run --example embed`

// pyocap accounts each sandbox's memory in the global allocator.
#[global_allocator]
static ALLOC: pyocap::CountingAllocator = pyocap::CountingAllocator::new();

use pyocap::{GuestError, Policy, Runtime, Value};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let runtime = Runtime::default();

    // Safe by default: the guest may import `math` because we say so, nothing else.
    let mut policy = Policy::new();
    policy.allow_import("math")?;
    let sandbox = runtime.sandbox(&policy)?;

    // A "plugin" written in Python.
    sandbox.exec(
        r#"
import math

def summarize(values):
    mean = sum(values) / len(values)
    var = sum((v - mean) ** 2 for v in values) / len(values)
    print("summarizing", len(values), "values")
    return {"mean": mean, "stdev": math.sqrt(var), "max": max(values)}
"#,
    )?;

    // Data crosses by copy.
    let data = Value::List(
        [2, 4, 4, 4, 5, 5, 7, 9]
            .into_iter()
            .map(Value::from)
            .collect(),
    );
    let summary = sandbox.call("summarize", &[data])?;
    println!("summary: {summary}");
    print!("guest printed: {}", sandbox.take_output());

    // Guest exceptions come back as strings; the host never touches guest objects.
    match sandbox.call("summarize", &[Value::List(vec![])]) {
        Err(GuestError::Exception {
            type_name, message, ..
        }) => {
            println!("guest raised {type_name}: {message}")
        }
        other => println!("unexpected: {other:?}"),
    }

    // No authority it was not given.
    for attempt in ["open('/etc/passwd')", "__import__('os')", "import sys"] {
        match sandbox.exec(attempt) {
            Err(GuestError::Exception { type_name, .. }) => {
                println!("{attempt:<22} -> {type_name}")
            }
            other => println!("{attempt:<22} -> {other:?}"),
        }
    }

    // Objects that are not data do not cross.
    match sandbox.eval("summarize") {
        Err(e) => println!("eval('summarize') -> {e}"),
        Ok(v) => println!("unexpected value {v}"),
    }
    Ok(())
}
