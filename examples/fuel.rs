//! Deterministic fuel: a contract step that must stop at the same point on every
//! run, whatever the machine's load.
//!
//! `cargo run --example fuel`

// pyocap accounts each sandbox's memory in the global allocator.
#[global_allocator]
static ALLOC: pyocap::CountingAllocator = pyocap::CountingAllocator::new();

use pyocap::{GuestError, Policy, Runtime, Value};

const CONTRACT: &str = r#"
def settle(payments):
    # Interest compounding until the balance is paid off.
    balance, months = 10_000, 0
    while balance > 0:
        months += 1
        balance = balance * 101 // 100
        balance -= payments
    return months

def runaway():
    n = 0
    while True:
        n += 1
"#;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let runtime = Runtime::default();
    let mut policy = Policy::new();
    policy.fuel(Some(5_000));

    let mut readings = Vec::new();
    for run in 1..=3 {
        // A fresh sandbox each time: the same code must cost the same fuel.
        let sandbox = runtime.sandbox(&policy)?;
        sandbox.exec(CONTRACT)?;
        let months = sandbox.call("settle", &[Value::from(500)])?;
        let used = sandbox.fuel();
        println!("run {run}: settled in {months} months, {used:?}");
        readings.push(used);

        // A contract that never ends is stopped by fuel, not by the clock: the
        // stopping point does not depend on how busy the machine is.
        match sandbox.call("runaway", &[]) {
            Err(GuestError::FuelExhausted { limit }) => {
                println!("run {run}: runaway stopped after exactly {limit} units")
            }
            other => return Err(format!("expected FuelExhausted, got {other:?}").into()),
        }
        // Terminal: the sandbox refuses further calls; a host makes a new one.
        assert!(sandbox.eval("1").is_err());
    }
    assert!(readings.windows(2).all(|w| w[0] == w[1]));
    println!("identical fuel on every run: {:?}", readings[0]);
    Ok(())
}
