//! Embedding pyocap in a Rust host: a sandbox, data in and out, a host
//! function and read-only configuration granted, a guest function called back
//! through its capability, wrapped errors.
//!
//! `cargo run --example embed`

// pyocap accounts each sandbox's memory in the global allocator.
#[global_allocator]
static ALLOC: pyocap::CountingAllocator = pyocap::CountingAllocator::new();

use pyocap::{Arg, Filter, GuestError, Policy, Runtime, Value};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let runtime = Runtime::default();

    // Safe by default: the guest may import `math` because we say so, nothing else.
    let mut policy = Policy::new();
    policy.allow_import("math")?;
    let sandbox = runtime.sandbox(&policy)?;

    // What the host grants, and nothing else: a function of its own (the guest
    // sees a callable proxy), and read-only configuration (a sealed mapping).
    let log = runtime.host_fn("log", |(line,): (String,)| {
        println!("[host log] {line}");
        Ok(())
    });
    sandbox.grant("log", &log)?;
    sandbox.grant_mapping(
        "config",
        Value::Dict(vec![(Value::from("precision"), Value::from(3))]),
    )?;

    // A "plugin" written in Python.
    sandbox.exec(
        r#"
import math

def summarize(values):
    mean = sum(values) / len(values)
    var = sum((v - mean) ** 2 for v in values) / len(values)
    print("summarizing", len(values), "values")
    log(f"summarized {len(values)} values")
    digits = config["precision"]
    return {"mean": round(mean, digits), "stdev": round(math.sqrt(var), digits), "max": max(values)}
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

    // The configuration is read-only.
    match sandbox.exec("config['precision'] = 10") {
        Err(GuestError::Exception { type_name, .. }) => {
            println!("config['precision'] = 10 -> {type_name}")
        }
        other => println!("unexpected: {other:?}"),
    }

    // A guest function the host keeps as a callback: an object that is not
    // data crosses as a capability, and a call through it runs in the sandbox,
    // under its limits.
    let summarize = sandbox.export("summarize", Filter::public())?;
    let values = Value::List(vec![1.into(), 2.into(), 6.into()]);
    match summarize.call(vec![values.into()])? {
        Arg::Value(v) => println!("summarize, called back through its capability: {v}"),
        Arg::Cap(c) => println!("unexpected capability {}", c.label()),
    }
    print!("guest printed: {}", sandbox.take_output());
    Ok(())
}
