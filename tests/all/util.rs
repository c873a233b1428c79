//! One-line helpers for guest code in tests.

use pyocap::{GuestError, Policy, Runtime, Sandbox, Value};
use std::sync::OnceLock;

pub fn runtime() -> &'static Runtime {
    static RT: OnceLock<Runtime> = OnceLock::new();
    RT.get_or_init(Runtime::default)
}

pub fn sandbox() -> Sandbox {
    runtime().sandbox(&Policy::new()).expect("sandbox starts")
}

pub fn sandbox_with(policy: &Policy) -> Sandbox {
    runtime().sandbox(policy).expect("sandbox starts")
}

/// Evaluates `expr` in a fresh default sandbox.
pub fn eval(expr: &str) -> Value {
    sandbox()
        .eval(expr)
        .unwrap_or_else(|e| panic!("eval({expr:?}) failed: {e}"))
}

/// Runs `src` in `sb` and returns the exception type it raised.
#[track_caller]
pub fn raises(sb: &Sandbox, src: &str) -> String {
    match sb.exec(src) {
        Err(GuestError::Exception { type_name, .. }) => type_name,
        other => panic!("expected an exception from {src:?}, got {other:?}"),
    }
}

/// Asserts that `src` raises `type_name` in a fresh default sandbox.
#[track_caller]
pub fn assert_raises(src: &str, type_name: &str) {
    assert_eq!(raises(&sandbox(), src), type_name, "source: {src}");
}
