//! Metered iteration (SPEC §5.7): the iterator of an instrumented `for`,
//! which charges its loop body's weight per item, and the wrapper of every
//! built-in iterator type's `__next__`, which charges one unit per item native
//! code takes (`sum`, `sorted`, `list`, ...) and marks an exclusive iterator in
//! use (`exclusive.rs`).

use super::patch::assign_wrapper;
use parking_lot::Mutex;
use rustpython_vm::builtins::PyTypeRef;
use rustpython_vm::class::{PyClassImpl, StaticType};
use rustpython_vm::protocol::PyIterReturn;
use rustpython_vm::types::{Constructor, IterNext, SelfIter};
use rustpython_vm::{pyclass, AsObject, Py, PyObject, PyObjectRef, PyPayload, PyResult, VirtualMachine};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

/// The iterator of an instrumented `for`: charges the loop body's weight per
/// item, then hands the item over. It calls the inner iterator's own `__next__`
/// (not the native-iteration meter) so an item is charged once.
#[pyclass(module = false, name = "metered_iterator")]
#[derive(Debug, PyPayload)]
pub(crate) struct MeteredIter {
    inner: PyObjectRef,
    next: IterNextFn,
    /// Whether the inner iterator is marked in use while it runs
    /// (`exclusive.rs`), as its metering wrapper would mark it.
    exclusive: bool,
    weight: u64,
}

/// A `__next__` slot function.
pub(crate) type IterNextFn = fn(&PyObject, &VirtualMachine) -> PyResult<PyIterReturn>;

super::patch::refuse_construction!(MeteredIter);

#[pyclass(flags(IMMUTABLETYPE), with(Constructor, IterNext))]
impl MeteredIter {}

impl SelfIter for MeteredIter {}

impl IterNext for MeteredIter {
    fn next(zelf: &Py<Self>, vm: &VirtualMachine) -> PyResult<PyIterReturn> {
        let item = if zelf.exclusive {
            let _in_use = super::exclusive::enter(&zelf.inner, vm)?;
            (zelf.next)(&zelf.inner, vm)?
        } else {
            (zelf.next)(&zelf.inner, vm)?
        };
        if let PyIterReturn::Return(_) = item {
            super::meter::charge(zelf.weight, vm)?;
            super::finalize::safe_point(vm);
        }
        Ok(item)
    }
}

/// Whether `ty` is the metered `for` iterator (which the native-iteration
/// meter leaves alone).
pub(crate) fn is_metered_iter_type(ty: &Py<rustpython_vm::builtins::PyType>) -> bool {
    ty.is(MeteredIter::static_type())
}

/// The metered iterator of a `for` over `inner` (whose `__next__` slot is
/// `next`), charging `weight` per item.
pub(crate) fn metered(inner: PyObjectRef, next: IterNextFn, weight: u64, vm: &VirtualMachine) -> PyObjectRef {
    let (next, exclusive) = unmetered_iternext(next);
    MeteredIter {
        next,
        exclusive,
        inner,
        weight,
    }
    .into_ref(&vm.ctx)
    .into()
}

/// Makes the metered iterator's type (once per sandbox thread, before the
/// type sweep).
pub(crate) fn init_types() {
    MeteredIter::make_static_type();
}

/// A `__next__` slot function.
type IterNextSlot = fn(&PyObject, &VirtualMachine) -> PyResult<PyIterReturn>;

/// How many distinct native `__next__` functions can be metered.
pub(crate) const METERED: usize = 160;

/// The native `__next__` each metering wrapper calls. Slot functions are the
/// same code on every thread, so one table serves every sandbox.
static ORIGINALS: [OnceLock<IterNextSlot>; METERED] = [const { OnceLock::new() }; METERED];
pub(crate) static ASSIGNED: Mutex<Vec<usize>> = Mutex::new(Vec::new());
/// Whether the wrapper of the same index marks its iterator in use
/// (`exclusive.rs`): a native iterator's `__next__` (the same function on every
/// thread, so one table serves every sandbox).
static EXCLUSIVE: [AtomicBool; METERED] = [const { AtomicBool::new(false) }; METERED];

macro_rules! metering_wrappers {
    ($($i:literal)*) => {
        /// One wrapper per slot of `ORIGINALS`: charges an item of natively driven
        /// iteration to the fuel (and ends it if the guest was stopped), then
        /// calls the original.
        static WRAPPERS: [IterNextSlot; METERED] = [$({
            fn wrapper(zelf: &PyObject, vm: &VirtualMachine) -> PyResult<PyIterReturn> {
                super::meter::charge_native(vm)?;
                let _in_use = if EXCLUSIVE[$i].load(Ordering::Relaxed) {
                    Some(super::exclusive::enter(zelf, vm)?)
                } else {
                    None
                };
                match ORIGINALS[$i].get() {
                    Some(original) => original(zelf, vm),
                    None => Ok(PyIterReturn::StopIteration(None)),
                }
            }
            wrapper
        }),*];
    };
}
metering_wrappers!(0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59 60 61 62 63 64 65 66 67 68 69 70 71 72 73 74 75 76 77 78 79 80 81 82 83 84 85 86 87 88 89 90 91 92 93 94 95 96 97 98 99 100 101 102 103 104 105 106 107 108 109 110 111 112 113 114 115 116 117 118 119 120 121 122 123 124 125 126 127 128 129 130 131 132 133 134 135 136 137 138 139 140 141 142 143 144 145 146 147 148 149 150 151 152 153 154 155 156 157 158 159);

/// Meters the native `__next__` of `ty`: every item a native loop (`sum`,
/// `sorted`, `list`, `any`, `str.join`, ...) takes from a built-in iterator
/// costs fuel, and such a loop ends when the guest is stopped. Loops in guest
/// code pay at their back edge instead (see `compile/`).
///
/// A native iterator type is also exclusive (`exclusive.rs`): its wrapper
/// marks the iterator in use, and so do its methods and its repr.
pub(crate) fn meter_iteration(vm: &VirtualMachine, ty: &PyTypeRef) {
    if is_metered_iter_type(ty) {
        return;
    }
    let Some(original) = ty.slots.iternext.load() else {
        return;
    };
    let addr = original as usize;
    let wrapped = WRAPPERS.iter().any(|w| *w as usize == addr);
    let exclusive = super::exclusive::is_exclusive_iterator(ty, vm);
    if let Some(i) = assign_wrapper(original, addr, wrapped, &ORIGINALS, &ASSIGNED) {
        if exclusive {
            EXCLUSIVE[i].store(true, Ordering::Relaxed);
        }
        ty.slots.iternext.store(Some(WRAPPERS[i]));
    }
    if exclusive {
        super::exclusive::guard_methods(rustpython_vm::PyRef::leak(ty.clone()), vm);
    }
}

/// The native `__next__` behind `f`, if `f` is a metering wrapper (a binary
/// search: every `for` loop asks once, when it starts), and whether its
/// iterator is exclusive (`exclusive.rs`).
pub(crate) fn unmetered_iternext(f: IterNextSlot) -> (IterNextSlot, bool) {
    static BY_ADDRESS: OnceLock<Vec<(usize, usize)>> = OnceLock::new();
    let by_address = BY_ADDRESS.get_or_init(|| {
        let mut v: Vec<(usize, usize)> = WRAPPERS
            .iter()
            .enumerate()
            .map(|(i, w)| (*w as usize, i))
            .collect();
        v.sort_unstable();
        v
    });
    by_address
        .binary_search_by_key(&(f as usize), |(addr, _)| *addr)
        .ok()
        .and_then(|pos| {
            let i = by_address[pos].1;
            ORIGINALS[i]
                .get()
                .map(|o| (*o, EXCLUSIVE[i].load(Ordering::Relaxed)))
        })
        .unwrap_or((f, false))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_native_iterator_type_is_metered() {
        let _sandbox = crate::test_util::sandbox_with_every_module("");
        let assigned = ASSIGNED.lock().len();
        assert!(assigned > 20, "only {assigned} iterator types seen");
        assert!(
            assigned < METERED,
            "{assigned} native iterator types: some may be unmetered"
        );
    }
}
