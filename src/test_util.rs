//! Helpers for the crate's unit tests (the integration tests have their own,
//! `tests/all/util.rs`).

/// A sandbox that has run `source` after importing every module a policy can
/// grant: the most native types (iterators, reprs, finalizers) one can have.
pub(crate) fn sandbox_with_every_module(source: &str) -> (crate::Runtime, crate::Sandbox) {
    let runtime = crate::Runtime::default();
    let mut policy = crate::Policy::master();
    policy.max_memory(None).unwrap();
    let sb = runtime.sandbox(&policy).unwrap();
    let imports: Vec<String> = crate::IMPORTABLE_MODULES
        .iter()
        .map(|m| format!("import {m}"))
        .collect();
    sb.exec(&format!("{}\n{source}", imports.join("\n")))
        .unwrap();
    (runtime, sb)
}

