//! Doors a host grants: a fixed clock for a contract that must replay
//! exactly, and a plugin given the system clock, entropy and a `sys` with its
//! arguments. Without a grant, each is refused.
//!
//! `cargo run --example doors`

// pyocap accounts each sandbox's memory in the global allocator.
#[global_allocator]
static ALLOC: pyocap::CountingAllocator = pyocap::CountingAllocator::new();

use pyocap::{Clock, GuestError, Policy, Runtime, SysData, Value};

const CONTRACT: &str = r#"
import datetime, time

def due(days):
    # The day a payment falls due: the contract's "now" is the host's clock.
    start = datetime.date.today()
    time.sleep(3600)  # a fixed clock's time does not pass: this returns at once
    return str(start + datetime.timedelta(days=days))
"#;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let runtime = Runtime::default();

    // A contract replays exactly: its clock is one fixed instant.
    let mut policy = Policy::new();
    policy.allow_import("datetime")?.allow_import("time")?;
    policy.clock(Some(Clock::parse("fixed:2024-02-29T12:00:00Z")?));
    for _ in 0..2 {
        let contract = runtime.sandbox(&policy)?;
        contract.exec(CONTRACT)?;
        let day = contract.call("due", &[Value::from(30)])?;
        assert_eq!(day, Value::from("2024-03-30"));
        println!("due on {}", day.as_str().unwrap_or_default());
    }

    // A plugin gets the system clock, entropy and `sys` with its arguments.
    let mut plugin_policy = Policy::new();
    plugin_policy.allow_import("time")?.allow_import("random")?;
    plugin_policy.clock(Some(Clock::system()));
    plugin_policy.entropy(true);
    plugin_policy.sys(Some(SysData { argv: vec!["plugin".into(), "--verbose".into()], ..SysData::default() }));
    let plugin = runtime.sandbox(&plugin_policy)?;
    plugin.exec("import sys, time, random\nprint(sys.argv[1:], time.time() > 1.7e9, 0 <= random.SystemRandom().random() < 1, file=sys.stderr)")?;
    print!("plugin printed: {}", plugin.take_output());

    // Without the grants, the same code is refused.
    let bare = runtime.sandbox(Policy::new().allow_import("time")?)?;
    match bare.eval("__import__('time').time()") {
        Err(GuestError::Exception { type_name, message, .. }) => {
            assert_eq!(type_name, "PermissionError");
            println!("without a clock: {type_name}: {message}");
        }
        other => panic!("expected PermissionError, got {other:?}"),
    }
    Ok(())
}
