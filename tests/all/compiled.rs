//! Compile once, run many times (`Sandbox::compile`, `Sandbox::run`).

use crate::util::*;
use pyocap::{GuestError, Policy, Value};

/// Code compiled once runs as its source would, as often as wanted, and in
/// any other sandbox: what it defines lands in the sandbox that runs it only.
#[test]
fn code_compiled_once_runs_anywhere_and_shares_nothing() {
    let a = sandbox();
    a.exec("x = 0").unwrap();
    let bump = a.compile("x = x + 1\ndef f():\n    return x * 10").unwrap();
    for _ in 0..3 {
        assert_eq!(a.run(&bump).unwrap(), Value::None);
    }
    assert_eq!(a.eval("f()").unwrap(), Value::from(30));
    let read = a.compile_eval("f() + 1").unwrap();
    assert_eq!(a.run(&read).unwrap(), Value::from(31));
    let b = sandbox();
    b.exec("x = 100").unwrap();
    b.run(&bump).unwrap();
    assert_eq!(b.run(&read).unwrap(), Value::from(1011));
    assert_eq!(a.eval("x").unwrap(), Value::from(3));
    // The code holds nothing of the sandbox that compiled it.
    drop(a);
    assert_eq!(b.run(&read).unwrap(), Value::from(1011));
    assert!(format!("{bump:?}").contains("fuel_ticks: true"));
}

/// Compiled code is the same pipeline's: its fuel ticks are there, and code
/// compiled under another fuel metering is refused before anything runs
/// (without ticks it would run unmetered).
#[test]
fn compiled_code_is_metered_and_metering_must_match() {
    let mut metered = Policy::new();
    metered.fuel(Some(10_000));
    let m = sandbox_with(&metered);
    let spin = m.compile("while True:\n    pass").unwrap();
    assert!(matches!(m.run(&spin), Err(GuestError::FuelExhausted { .. })));
    let mut off = Policy::new();
    off.fuel_metering(false);
    let u = sandbox_with(&off);
    let unmetered = u.compile("while True:\n    pass").unwrap();
    let fresh = sandbox_with(&metered);
    assert_eq!(
        fresh.run(&unmetered),
        Err(GuestError::CodeMismatch { compiled_metered: false })
    );
    assert_eq!(fresh.eval("1").unwrap(), Value::from(1), "nothing ran, the sandbox is whole");
    let m2 = sandbox_with(&metered);
    let ok = m2.compile("y = 1").unwrap();
    assert_eq!(u.run(&ok), Err(GuestError::CodeMismatch { compiled_metered: true }));
}

/// The bounds of the sandbox that runs the code hold: its source is checked
/// again; syntax errors are reported at compile time; tracebacks show the
/// compiled source's lines; the deadline applies.
#[test]
fn compiled_code_keeps_every_bound() {
    let lax = sandbox();
    let big = lax.compile(&format!("s = '{}'", "a".repeat(10_000))).unwrap();
    let mut strict = Policy::new();
    strict.max_source_bytes(1_000);
    let small = sandbox_with(&strict);
    assert!(matches!(small.run(&big), Err(GuestError::SourceTooLarge { .. })));
    assert!(matches!(lax.compile("def ("), Err(GuestError::Syntax { .. })));
    assert!(matches!(
        lax.compile(&"(".repeat(10_000)),
        Err(GuestError::SourceTooDeep { .. })
    ));
    let boom = lax.compile("def g():\n    raise ValueError('from compiled code')\ng()").unwrap();
    match sandbox().run(&boom) {
        Err(GuestError::Exception { type_name, traceback, .. }) => {
            assert_eq!(type_name, "ValueError");
            assert!(traceback.contains("raise ValueError('from compiled code')"), "{traceback}");
        }
        other => panic!("{other:?}"),
    }
    let mut quick = Policy::new();
    quick.deadline(Some(std::time::Duration::from_millis(100))).fuel_metering(true);
    let q = sandbox_with(&quick);
    let forever = q.compile("while True:\n    pass").unwrap();
    assert!(matches!(q.run(&forever), Err(GuestError::DeadlineExceeded { .. })));
}
