//! Where RustPython 0.5 gives a different answer from CPython 3.11 for
//! ordinary code, the guest layer's own, computed as CPython does (issue 20;
//! the differential suite, `tests/differential.rs`, holds each one to
//! CPython's output). Each fix replaces a built-in type's method or slot with
//! the toolkit of `patch.rs`; none widens what a guest can reach.

mod index;
mod library;
mod messages;
mod numbers;
pub(crate) mod raised;
mod views;

pub(crate) use library::{wrap_functools, wrap_math};
pub(crate) use numbers::ascii_numeral;
pub(crate) use raised::conform_chain;
use rustpython_vm::VirtualMachine;

/// Installs every fix: after the builtins are restricted to the policy's and
/// the size checks of `bounds/` are in place (which then see what the fixes
/// pass on), before the builtins are sealed and the types swept.
pub(crate) fn install(vm: &VirtualMachine) {
    numbers::install(vm);
    views::install(vm);
    index::install(vm);
    messages::install(vm);
}
