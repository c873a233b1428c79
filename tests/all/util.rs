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

/// Guest programs that try to keep running once stopped: a handler that
/// swallows the stop, `finally`, `__exit__`, `__del__`, generator cleanup, and an
/// exception whose `__str__` never returns (wrapping it runs inside the guest).
pub const ESCAPES: &[&str] = &[
    "while True:\n    try:\n        while True: pass\n    except BaseException:\n        pass",
    "def f():\n    try:\n        while True: pass\n    finally:\n        while True: pass\nf()",
    "class M:\n    def __enter__(self): return self\n    def __exit__(self, *a):\n        while True: pass\n        return True\nwith M():\n    while True: pass",
    "class D:\n    def __del__(self):\n        while True: pass\nwhile True:\n    D()",
    "def g():\n    try:\n        yield 1\n    finally:\n        while True: pass\nwhile True:\n    x = g()\n    next(x)\n    del x",
    "class E(Exception):\n    def __str__(self):\n        while True: pass\nraise E()",
    "while True:\n    try:\n        pass\n    finally:\n        continue",
    "while True:\n    try:\n        sum(range(10**12))\n    except BaseException:\n        pass",
    "def f(): return f()\nwhile True:\n    try:\n        f()\n    except RecursionError:\n        pass",
];
