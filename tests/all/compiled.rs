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

/// A `Code` is copied out of the compiling sandbox's memory: keeping many
/// does not count against that sandbox's budget (one tenant's compiled code
/// could otherwise fill another's).
#[test]
fn a_code_does_not_count_against_the_sandbox_that_compiled_it() {
    let mut p = Policy::new();
    p.max_memory(Some(256 << 20)).unwrap();
    let a = sandbox_with(&p);
    let source: String = (0..2_000).map(|i| format!("v{i} = [{i}, '{i}', ({i},)]\n")).collect();
    let first = a.compile(&source).unwrap();
    let before = a.memory_used();
    let kept: Vec<_> = (0..20).map(|_| a.compile(&source).unwrap()).collect();
    let grown = a.memory_used().saturating_sub(before);
    assert!(grown < 1 << 20, "20 codes of {} bytes grew the compiler's account by {grown}", source.len());
    // They are whole and run elsewhere.
    let b = sandbox();
    b.run(&kept[19]).unwrap();
    assert_eq!(b.eval("v1999").unwrap().to_string(), "[1999, '1999', (1999,)]");
    drop((first, kept));
}

/// What the running sandbox's policy allows is what compiled code may do:
/// an import allowed where it was compiled is refused where it runs, and a
/// nesting the compiler's bounds allowed is refused by the runner's.
#[test]
fn the_running_sandboxs_policy_decides() {
    let mut open = Policy::new();
    open.allow_import("json").unwrap();
    let permissive = sandbox_with(&open);
    let imports = permissive.compile("import json\nout = json.dumps(1)").unwrap();
    permissive.run(&imports).unwrap();
    assert_eq!(permissive.eval("out").unwrap(), Value::from("1"));
    let strict = sandbox();
    match strict.run(&imports) {
        Err(GuestError::Exception { type_name, .. }) => assert_eq!(type_name, "ModuleNotFoundError"),
        other => panic!("{other:?}"),
    }
    let nested = permissive.compile_eval(&format!("{}1{}", "(".repeat(200), ")".repeat(200))).unwrap();
    let mut shallow = Policy::new();
    shallow.max_source_nesting(50).unwrap();
    assert!(matches!(
        sandbox_with(&shallow).run(&nested),
        Err(GuestError::SourceTooDeep { .. })
    ));
    assert_eq!(permissive.run(&nested).unwrap(), Value::from(1));
}
