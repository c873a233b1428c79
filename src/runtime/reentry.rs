//! A container lock taken again while native code holds it is a Python
//! `RuntimeError`, not an interpreter panic.
//!
//! RustPython's native operations hold a container's lock while they call
//! guest code: a list or deque comparison calls each item's `__eq__`, `x in L`
//! and `L.index(x)` call `__eq__`, with a read lock on the list's items. Guest
//! code that changes the container meanwhile (`L.clear()` from an `__eq__`)
//! asks for the same lock again, and RustPython's single-threaded lock panics
//! ("deadlock: tried to exclusively lock a CellRwLock twice"): the sandbox
//! died with `InterpreterPanic` (a sweep found list and deque comparisons,
//! `math.dist`, and `in` on sealed mappings).
//!
//! Every call of a function and of a native callable (method descriptor,
//! built-in function) on the sandbox thread runs inside a guard that turns
//! exactly that panic into a `RuntimeError` raised by the call, whatever the
//! container, the operation or the path. It is safe to go on: the panic comes
//! from the lock's acquisition, before the operation that asked for it
//! changed anything, and everything the unwinding passes through (frames, the
//! recursion depth, other lock guards) restores itself on unwinding (finalizers
//! are deferred, `finalize`, so no guest code runs in a drop on the way). Any
//! other panic goes on unwinding to the sandbox, which stops as before (SPEC
//! §7). The process's panic hook is wrapped once so that these panics print
//! nothing on a sandbox thread (SPEC §5.9: nothing a guest triggers writes to
//! the process's streams).

use rustpython_vm::function::FuncArgs;
use rustpython_vm::{PyObject, PyObjectRef, PyResult, VirtualMachine};
use std::any::Any;
use std::cell::Cell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Once, OnceLock};

/// The message prefix of RustPython's single-threaded locks taken twice
/// (`rustpython_common::lock::cell_lock`).
const REENTRY: &str = "deadlock: tried to ";

thread_local! {
    /// This thread is a sandbox thread (its lock re-entries are answered).
    static GUARDED: Cell<bool> = const { Cell::new(false) };
}

type CallFn = fn(&PyObject, FuncArgs, &VirtualMachine) -> PyResult;
type VectorCall =
    fn(&PyObject, Vec<PyObjectRef>, usize, Option<&[PyObjectRef]>, &VirtualMachine) -> PyResult;

/// The original slots, per guarded type (the same functions on every thread).
static CALL: [OnceLock<CallFn>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
static VECTORCALL: [OnceLock<VectorCall>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];

fn is_reentry(payload: &(dyn Any + Send)) -> bool {
    let text = payload
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| payload.downcast_ref::<&str>().copied());
    text.is_some_and(|t| t.starts_with(REENTRY))
}

/// Runs `f`; a lock re-entry inside it becomes a `RuntimeError`.
fn guarded(f: impl FnOnce() -> PyResult, vm: &VirtualMachine) -> PyResult {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(result) => result,
        Err(payload) if is_reentry(&*payload) => Err(vm.new_runtime_error(
            "a container was used while a native operation held it \
             (changed during a comparison, search or iteration)"
                .to_owned(),
        )),
        Err(payload) => std::panic::resume_unwind(payload),
    }
}

const CALLS: [CallFn; 3] = [guarded_call::<0>, guarded_call::<1>, guarded_call::<2>];
const VECTORCALLS: [VectorCall; 3] = [
    guarded_vectorcall::<0>,
    guarded_vectorcall::<1>,
    guarded_vectorcall::<2>,
];

fn guarded_call<const I: usize>(callable: &PyObject, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
    let original = CALL[I].get().expect("installed");
    guarded(|| original(callable, args, vm), vm)
}

fn guarded_vectorcall<const I: usize>(
    callable: &PyObject,
    args: Vec<PyObjectRef>,
    nargs: usize,
    kwnames: Option<&[PyObjectRef]>,
    vm: &VirtualMachine,
) -> PyResult {
    let original = VECTORCALL[I].get().expect("installed");
    guarded(|| original(callable, args, nargs, kwnames, vm), vm)
}

/// Guards every call of a function, a built-in function and a method
/// descriptor on this sandbox thread, and wraps the panic hook (once per
/// process).
pub(crate) fn install(vm: &VirtualMachine) {
    GUARDED.with(|g| g.set(true));
    quiet_hook();
    let types = [
        vm.ctx.types.function_type,
        vm.ctx.types.builtin_function_or_method_type,
        vm.ctx.types.method_descriptor_type,
    ];
    for (i, ty) in types.iter().enumerate() {
        let slots = &ty.slots;
        if let Some(current) = slots.call.load() {
            let checked = CALLS[i];
            if current as usize != checked as usize {
                let first = *CALL[i].get_or_init(|| current);
                if first as usize == current as usize {
                    slots.call.store(Some(checked));
                }
            }
        }
        if let Some(current) = slots.vectorcall.load() {
            let checked = VECTORCALLS[i];
            if current as usize != checked as usize {
                let first = *VECTORCALL[i].get_or_init(|| current);
                if first as usize == current as usize {
                    slots.vectorcall.store(Some(checked));
                }
            }
        }
    }
}

/// Wraps the process's panic hook: a lock re-entry on a sandbox thread (which
/// [`guarded`] answers) prints nothing; every other panic goes to the hook as
/// before. A hook the host sets later replaces this one.
fn quiet_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let sandbox = GUARDED.try_with(Cell::get).unwrap_or(false);
            if sandbox && is_reentry(info.payload()) {
                return;
            }
            previous(info)
        }));
    });
}
