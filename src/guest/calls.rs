//! Native callable objects enter the recursion count (SPEC §5.2). A native
//! object that holds what it calls (`functools.partial`, an `lru_cache`
//! wrapper, `cmp_to_key`'s keys, `staticmethod`, ...) calls it from native
//! code, which no Python frame counts: `w.write = partial(print, file=w)`
//! then `print(file=w)` recursed natively until the stack overflowed and the
//! process aborted. The type sweep replaces the `__call__` slot of every such
//! native type with a wrapper that enters `with_recursion` first (as a Python
//! frame does, with RustPython's native-stack check), so any cycle of native
//! calls through one ends in `RecursionError`. The slot wrappers of native
//! types and their bound forms (`property.__get__`, `p.__get__`) are counted
//! too: they call a slot function directly, and a chain of properties over
//! each other's `__get__` recursed natively. Functions, built-in functions,
//! method descriptors, bound methods and `type` itself are left alone: they
//! hold no callee of the guest's choosing, or what they call is a Python
//! frame (counted) or one of the counted steps (`guest/dispatch.rs` counts
//! the slot dispatch of classes and native descriptors).

use super::patch::assign_wrapper;
use parking_lot::Mutex;
use rustpython_vm::builtins::PyTypeRef;
use rustpython_vm::function::FuncArgs;
use rustpython_vm::{AsObject, PyObject, PyResult, VirtualMachine};
use std::sync::OnceLock;

/// A `__call__` slot function.
type CallSlot = fn(&PyObject, FuncArgs, &VirtualMachine) -> PyResult;

/// How many distinct native `__call__` functions can be wrapped.
const WRAPPED: usize = 48;

static ORIGINALS: [OnceLock<CallSlot>; WRAPPED] = [const { OnceLock::new() }; WRAPPED];
static ASSIGNED: Mutex<Vec<usize>> = Mutex::new(Vec::new());

macro_rules! call_wrappers {
    ($($i:literal)*) => {
        /// One wrapper per slot of `ORIGINALS`: one level of the recursion
        /// count around the original call.
        static WRAPPERS: [CallSlot; WRAPPED] = [$({
            fn wrapper(zelf: &PyObject, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
                match ORIGINALS[$i].get() {
                    Some(original) => vm.with_recursion("while calling a native callable", || {
                        original(zelf, args, vm)
                    }),
                    None => Err(vm.new_runtime_error("call is not available")),
                }
            }
            wrapper
        }),*];
    };
}
call_wrappers!(0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47);

/// Counts the calls of `ty`'s instances (a native type of the sweep).
pub(crate) fn count_calls(vm: &VirtualMachine, ty: &PyTypeRef) {
    let t = &vm.ctx.types;
    let left_alone = [
        t.function_type,
        t.builtin_function_or_method_type,
        t.builtin_method_type,
        t.method_descriptor_type,
        t.bound_method_type,
        t.type_type,
    ];
    if left_alone.iter().any(|l| ty.is(*l)) {
        return;
    }
    let Some(original) = ty.slots.call.load() else {
        return;
    };
    let addr = original as usize;
    let wrapped = WRAPPERS.iter().any(|w| *w as usize == addr);
    if let Some(i) = assign_wrapper(original, addr, wrapped, &ORIGINALS, &ASSIGNED) {
        ty.slots.call.store(Some(WRAPPERS[i]));
        // A call through the fast path would pass the counted slot by.
        ty.slots.vectorcall.store(None);
    }
}

/// The counted wrapper of a native `__call__` this module counts, for a
/// class the guest made that holds the native function itself (a slot
/// wrapper of its native base assigned as its `__call__`).
pub(crate) fn counted_twin(call: CallSlot) -> Option<CallSlot> {
    let addr = call as usize;
    ORIGINALS
        .iter()
        .position(|o| o.get().is_some_and(|f| *f as usize == addr))
        .map(|i| WRAPPERS[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_native_callable_type_is_counted() {
        let _sandbox = crate::test_util::sandbox_with_every_module("");
        let assigned = ASSIGNED.lock().len();
        assert!(assigned >= 3, "only {assigned} native callable types seen");
        assert!(
            assigned < WRAPPED,
            "{assigned} native callable types: some may be uncounted"
        );
    }
}
