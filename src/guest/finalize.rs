//! Finalizers run at safe points, never inside the drop that triggered them.
//!
//! RustPython runs a finalizer (a class's `__del__`, a generator's cleanup,
//! which runs its `finally` blocks) inside the drop of the object's last
//! reference, wherever that happens: often inside a native operation that
//! holds a lock on a container. Guest code that then touches the container
//! deadlocked RustPython's lock, which panics; and when two objects' finalizers
//! did so in one drop (`L = [D(), D()]; del L[:]` with a `__del__` that
//! appends to `L`), the second panic came while the first unwound, which
//! aborts the process. No native operation can be audited for this: any drop
//! can run guest code.
//!
//! Here every finalizer slot of the sandbox's types (the native ones at the
//! type sweep, a class's whenever it is made or its `__del__` assigned) is a
//! wrapper that only keeps the object alive, in a queue: the interpreter sees
//! the object resurrected, as by a `__del__` that stored `self`, and marks it
//! finalized. The queue is run at the next *safe point*, where the guest is
//! between instructions and no native code holds anything: a fuel tick (each
//! loop iteration and function call of guest code) and the end of each call
//! into the sandbox. There the original finalizer runs and the object is
//! released; it is not finalized again. Finalizers thus run later than in
//! CPython (as in PyPy): after the current statement or loop iteration rather
//! than inside it. A stopped guest runs none: the queue is dropped.

use parking_lot::Mutex;
use super::patch::wrap_slot;
use rustpython_vm::builtins::PyType;
use rustpython_vm::class::{PyClassImpl, StaticType};
use rustpython_vm::function::FuncArgs;
use rustpython_vm::types::{Callable, Constructor};
use rustpython_vm::{pyclass, Py, PyObject, PyObjectRef, PyPayload, PyResult, VirtualMachine};
use std::cell::{Cell, RefCell};
use std::sync::OnceLock;

/// A finalizer slot function.
type DelFn = fn(&PyObject, &VirtualMachine) -> PyResult<()>;

/// How many distinct finalizer functions can be deferred (RustPython has one
/// for classes with `__del__` and a few native ones).
const DELS: usize = 16;

/// The finalizer each deferring wrapper stands for.
static ORIGINALS: [OnceLock<DelFn>; DELS] = [const { OnceLock::new() }; DELS];
static ASSIGNED: Mutex<Vec<usize>> = Mutex::new(Vec::new());

thread_local! {
    /// Objects whose finalizer is due, with the index of that finalizer.
    static PENDING: RefCell<Vec<(PyObjectRef, usize)>> = const { RefCell::new(Vec::new()) };
    /// Weak reference callbacks that are due, with their reference.
    static CALLBACKS: RefCell<Vec<(PyObjectRef, PyObjectRef)>> = const { RefCell::new(Vec::new()) };
    /// Whether `PENDING` may hold anything (read at every fuel tick).
    static DUE: Cell<bool> = const { Cell::new(false) };
    /// Whether the queue is being run (a finalizer's own ticks do not nest).
    static RUNNING: Cell<bool> = const { Cell::new(false) };
    /// Set at teardown: finalizers are neither queued nor run.
    static CLOSED: Cell<bool> = const { Cell::new(false) };
    /// Whether this thread is a sandbox's (the master's interpreter keeps
    /// RustPython's finalizers: it has no safe points of this kind).
    static ENABLED: Cell<bool> = const { Cell::new(false) };
}

/// Turns deferred finalizers on for this (sandbox) thread, before its types
/// are swept.
pub(crate) fn enable() {
    ENABLED.with(|e| e.set(true));
}

macro_rules! deferring_wrappers {
    ($($i:literal)*) => {
        /// One wrapper per slot of `ORIGINALS`: queues the object (which keeps it
        /// alive) for its finalizer to run at the next safe point.
        static WRAPPERS: [DelFn; DELS] = [$({
            fn wrapper(zelf: &PyObject, _vm: &VirtualMachine) -> PyResult<()> {
                defer(zelf, $i);
                Ok(())
            }
            wrapper
        }),*];
    };
}
deferring_wrappers!(0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15);

fn defer(zelf: &PyObject, index: usize) {
    if CLOSED.try_with(Cell::get).unwrap_or(true) {
        return; // teardown: dropped without its finalizer
    }
    let queued = PENDING.try_with(|p| match p.try_borrow_mut() {
        Ok(mut p) => {
            p.push((zelf.to_owned(), index));
            true
        }
        Err(_) => false,
    });
    if queued == Ok(true) {
        let _ = DUE.try_with(|d| d.set(true));
    }
}

/// Makes `ty`'s finalizer (if it has one) a deferring wrapper.
pub(crate) fn defer_finalizer(ty: &Py<PyType>) {
    if !ENABLED.with(Cell::get) {
        return;
    }
    let Some(current) = ty.slots.del.load() else {
        return;
    };
    let addr = current as usize;
    if WRAPPERS.iter().any(|w| *w as usize == addr) {
        return;
    }
    let mut assigned = ASSIGNED.lock();
    let index = match assigned.iter().position(|a| *a == addr) {
        Some(i) => i,
        None if assigned.len() < DELS => {
            let i = assigned.len();
            let _ = ORIGINALS[i].set(current);
            assigned.push(addr);
            i
        }
        // More finalizer functions than wrappers: cannot happen with
        // RustPython 0.5 (a unit test counts them); left as it is.
        None => return,
    };
    ty.slots.del.store(Some(WRAPPERS[index]));
}

/// `ty` and every class derived from it (a `__del__` assigned to a class
/// reaches its subclasses' slots too).
pub(crate) fn defer_finalizers_from(ty: &Py<PyType>) {
    defer_finalizer(ty);
    let subclasses: Vec<PyObjectRef> = ty
        .subclasses
        .read()
        .iter()
        .filter_map(|s| s.upgrade())
        .collect();
    for sub in subclasses {
        if let Some(sub) = sub.downcast_ref::<PyType>() {
            defer_finalizers_from(sub);
        }
    }
}

/// A safe point: runs the finalizers that are due. Cheap when none is.
#[inline]
pub(crate) fn safe_point(vm: &VirtualMachine) {
    if DUE.with(Cell::get) {
        run_pending(vm);
    }
}

#[cold]
fn run_pending(vm: &VirtualMachine) {
    if RUNNING.with(Cell::get) {
        return;
    }
    RUNNING.with(|r| r.set(true));
    loop {
        let batch = PENDING.with(|p| std::mem::take(&mut *p.borrow_mut()));
        let calls = CALLBACKS.with(|c| std::mem::take(&mut *c.borrow_mut()));
        DUE.with(|d| d.set(false));
        if batch.is_empty() && calls.is_empty() {
            break;
        }
        for (callback, reference) in calls {
            if !super::interrupt::is_tripped() {
                // As RustPython does, an exception from a callback is dropped.
                let _ = callback.call((reference,), vm);
            }
        }
        for (object, index) in batch {
            // A stopped guest runs no more guest code; the object is released
            // (it is marked finalized: dropping it runs nothing).
            if !super::interrupt::is_tripped() {
                if let Some(finalizer) = ORIGINALS[index].get() {
                    // As RustPython does, an exception from a finalizer is
                    // dropped (`unraisable`).
                    let _ = finalizer(&object, vm);
                }
            }
            drop(object);
        }
    }
    RUNNING.with(|r| r.set(false));
}

/// At teardown, on the sandbox thread: no more finalizers; the queued objects
/// are released.
pub(crate) fn release() {
    let _ = CLOSED.try_with(|c| c.set(true));
    loop {
        let batch = PENDING
            .try_with(|p| std::mem::take(&mut *p.borrow_mut()))
            .unwrap_or_default();
        let calls = CALLBACKS
            .try_with(|c| std::mem::take(&mut *c.borrow_mut()))
            .unwrap_or_default();
        if batch.is_empty() && calls.is_empty() {
            break;
        }
        drop(batch);
        drop(calls);
    }
    let _ = DUE.try_with(|d| d.set(false));
}

/// After an interpreter panic, on the sandbox thread: the interpreter is
/// leaked, and so are the queued objects (dropping them could run into its
/// inconsistent state).
pub(crate) fn leak() {
    let _ = CLOSED.try_with(|c| c.set(true));
    if let Ok(batch) = PENDING.try_with(|p| std::mem::take(&mut *p.borrow_mut())) {
        std::mem::forget(batch);
    }
    if let Ok(calls) = CALLBACKS.try_with(|c| std::mem::take(&mut *c.borrow_mut())) {
        std::mem::forget(calls);
    }
}

/// A weak reference's callback, as the sandbox keeps it: RustPython calls a
/// weak reference's callback inside the drop of its referent, wherever that
/// drop happens — inside `del L[:]`, `deque.clear()`, with the container's
/// lock held — and a callback touching the container panicked there, twice in
/// one drop, which aborts the process (a guest reaches the `weakref` type
/// through any object's `__weakref__`). Every weak reference made in a
/// sandbox (`weakref.ref`, its subclasses, `weakref.proxy`: their constructor
/// slots are wrapped, [`install`]) holds this instead of the callback it was
/// given, and calling it only queues that callback and the reference for the
/// next safe point, as a finalizer is queued.
#[pyclass(module = false, name = "deferred_callback")]
#[derive(Debug, PyPayload)]
pub(crate) struct DeferredCallback {
    callback: PyObjectRef,
}

super::patch::refuse_construction!(DeferredCallback);

#[pyclass(flags(IMMUTABLETYPE), with(Constructor, Callable))]
impl DeferredCallback {}

impl Callable for DeferredCallback {
    type Args = FuncArgs;

    fn call(zelf: &Py<Self>, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        if CLOSED.try_with(Cell::get).unwrap_or(true) {
            return Ok(vm.ctx.none());
        }
        let reference = args.args.into_iter().next().unwrap_or_else(|| vm.ctx.none());
        let queued = CALLBACKS.try_with(|c| match c.try_borrow_mut() {
            Ok(mut c) => {
                c.push((zelf.callback.clone(), reference));
                true
            }
            Err(_) => false,
        });
        if queued == Ok(true) {
            let _ = DUE.try_with(|d| d.set(true));
        }
        Ok(vm.ctx.none())
    }
}

/// The constructors of the weak reference types, behind [`deferred_weak_new`].
static WEAK_NEW: [OnceLock<TypeNew>; 2] = [const { OnceLock::new() }; 2];

/// A weak reference's constructor: its callback (the second argument) is
/// wrapped in a [`DeferredCallback`].
fn deferred_weak_new<const I: usize>(
    cls: rustpython_vm::builtins::PyTypeRef,
    mut args: FuncArgs,
    vm: &VirtualMachine,
) -> PyResult {
    if let Some(callback) = args.args.get_mut(1) {
        if !vm.is_none(callback) && callback.downcast_ref::<DeferredCallback>().is_none() {
            let wrapped = DeferredCallback {
                callback: callback.clone(),
            }
            .into_ref_with_type(vm, DeferredCallback::static_type().to_owned())?;
            *callback = wrapped.into();
        }
    }
    (WEAK_NEW[I].get().expect("installed"))(cls, args, vm)
}

/// Makes every class the sandbox creates defer its finalizer: `type`'s
/// constructor slot (every class statement, `type(name, bases, ns)`,
/// `type.__new__` from a metaclass) is wrapped.
pub(crate) fn install(vm: &VirtualMachine) {
    wrap_slot!(vm.ctx.types.type_type.slots.new, TYPE_NEW, new_type as TypeNew);
    DeferredCallback::make_static_type();
    let t = &vm.ctx.types;
    wrap_slot!(t.weakref_type.slots.new, WEAK_NEW[0], deferred_weak_new::<0> as TypeNew);
    wrap_slot!(t.weakproxy_type.slots.new, WEAK_NEW[1], deferred_weak_new::<1> as TypeNew);
}

type TypeNew = fn(
    rustpython_vm::builtins::PyTypeRef,
    rustpython_vm::function::FuncArgs,
    &VirtualMachine,
) -> PyResult;
static TYPE_NEW: OnceLock<TypeNew> = OnceLock::new();

fn new_type(
    metatype: rustpython_vm::builtins::PyTypeRef,
    args: rustpython_vm::function::FuncArgs,
    vm: &VirtualMachine,
) -> PyResult {
    let original = TYPE_NEW.get().expect("installed");
    let made = original(metatype, args, vm)?;
    if let Some(ty) = made.downcast_ref::<PyType>() {
        defer_finalizer(ty);
        // Its slot dispatch enters the recursion count (SPEC §5.2).
        super::dispatch::count(ty);
    }
    Ok(made)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_finalizer_function_has_a_wrapper() {
        // And a class with `__del__` and a generator, dropped.
        let _sandbox = crate::test_util::sandbox_with_every_module(
            "class D:\n    def __del__(self): pass\ndef g():\n    yield 1\nD(); g()",
        );
        let assigned = ASSIGNED.lock().len();
        // Generators, coroutines, async generators and classes, at least.
        assert!(assigned >= 4, "only {assigned} finalizer functions seen");
        assert!(
            assigned < DELS,
            "{assigned} finalizer functions: some may run inside drops"
        );
    }
}
