//! The meter every patch charges (SPEC §5.6–5.7): the fuel counter, the
//! settling of a memory crossing, and the reservations that refuse a result
//! too large for what is left of the memory budget before it is made. A leaf:
//! it imports only the stop (`interrupt`) and the allocator.

use super::interrupt::{check_memory_this_thread, check_tripped, stop_here, trip_this_thread};
use crate::error::GuestError;
use rustpython_vm::{AsObject, PyObject, PyObjectRef, PyResult, VirtualMachine};
use std::cell::{Cell, RefCell};

/// Fuel that cannot run out: the meter of a sandbox with no fuel budget.
pub(crate) const UNMETERED: u64 = u64::MAX;

thread_local! {
    /// Units left before the guest is stopped.
    static REMAINING: Cell<u64> = const { Cell::new(UNMETERED) };
    /// The budget `REMAINING` started from (for the consumed count).
    static BUDGET: Cell<u64> = const { Cell::new(UNMETERED) };
    /// The units that were left when [`fail_next_charge`] emptied `REMAINING`.
    static HELD: Cell<Option<u64>> = const { Cell::new(None) };
}

/// Sets the fuel of the guest call about to run on this thread.
pub(crate) fn refuel(budget: Option<u64>) {
    let units = budget.unwrap_or(UNMETERED);
    REMAINING.with(|r| r.set(units));
    BUDGET.with(|b| b.set(units));
    HELD.with(|h| h.set(None));
}

/// Makes the next charge on this thread fail, stopping the guest there: the
/// allocator calls it when it trips the memory budget on the sandbox thread.
/// Guest code that a native loop calls back (a `__repr__`, a `__getitem__`)
/// then stops at its first tick, without waiting for the interpreter's signal
/// check, which another sandbox's thread may consume first; every native check
/// charges too. The units that were left are kept for [`reading`]. Touches
/// only constant thread-locals: safe inside the allocator.
pub(crate) fn fail_next_charge() {
    let left = REMAINING.with(Cell::get);
    if left != 0 {
        HELD.with(|h| h.set(Some(left)));
        REMAINING.with(|r| r.set(0));
    }
}

/// Undoes [`fail_next_charge`]: the memory trip that asked for it was settled
/// under the budget.
pub(crate) fn restore_held() {
    if let Some(left) = HELD.with(Cell::take) {
        REMAINING.with(|r| r.set(left));
    }
}

/// Units charged since the last [`refuel`], and units left (`None` if unmetered).
pub(crate) fn reading() -> (u64, Option<u64>) {
    let remaining = HELD
        .with(Cell::get)
        .unwrap_or_else(|| REMAINING.with(Cell::get));
    let budget = BUDGET.with(Cell::get);
    let consumed = budget - remaining;
    (consumed, (budget != UNMETERED).then_some(remaining))
}

/// Charges `units`; on exhaustion stops the guest (terminal, uncatchable) and
/// returns the exception that unwinds the current native call.
#[inline]
pub(crate) fn charge(units: u64, vm: &VirtualMachine) -> PyResult<()> {
    let left = REMAINING.with(Cell::get);
    if let Some(rest) = left.checked_sub(units) {
        REMAINING.with(|r| r.set(rest));
        return Ok(());
    }
    charge_slow(units, vm)
}

/// A charge that did not fit: a pending memory trip is settled first (it
/// emptied the meter, see [`fail_next_charge`]); if memory is back under the
/// budget the fuel is given back and the charge tried again.
#[cold]
fn charge_slow(units: u64, vm: &VirtualMachine) -> PyResult<()> {
    if memory_pending() && !settle_memory() {
        let left = REMAINING.with(Cell::get);
        if let Some(rest) = left.checked_sub(units) {
            REMAINING.with(|r| r.set(rest));
            return Ok(());
        }
    }
    Err(exhausted(vm))
}

/// Stops the guest for exhausted fuel (also for a native meter that found its
/// work would exceed what is left); the exception that unwinds the native call.
#[cold]
pub(crate) fn exhausted(vm: &VirtualMachine) -> rustpython_vm::builtins::PyBaseExceptionRef {
    REMAINING.with(|r| r.set(0));
    let limit = BUDGET.with(Cell::get);
    stop_here(vm, GuestError::FuelExhausted { limit })
}

/// Charges one unit for one item of natively driven iteration, and ends the
/// iteration if the guest was stopped meanwhile (a deadline, memory): native
/// loops never pass the interpreter's own check.
#[inline]
pub(crate) fn charge_native(vm: &VirtualMachine) -> PyResult<()> {
    charge(1, vm)?;
    check_stopped(vm)
}

thread_local! {
    /// A crossing of the memory budget not yet settled (see [`settle_memory`]).
    static MEMORY_PENDING: Cell<bool> = const { Cell::new(false) };
}

/// Called by the allocator, on a sandbox thread, when its budget is crossed.
///
/// The crossing is settled at the guest's next check ([`settle_memory`]): the
/// next fuel charge, the next stop check of a native loop, the interpreter's
/// next signal check, the end of the call. Only memory still over the budget
/// then stops the guest (`MemoryLimit`, terminal): a native operation that
/// goes over only while it frees (RustPython moves a dying list's items into a
/// fresh buffer before releasing them, so `x = [0] * (5 << 20); x = None` went
/// over a 64 MiB budget) is not stopped for it. Between two checks use is
/// bounded by the ceiling (`alloc`).
/// A thread about to freeze at the ceiling (`frozen`) is stopped at once: it
/// never reaches a check.
pub(crate) fn memory_tripped(budget: usize, frozen: bool) {
    let _ = MEMORY_PENDING.try_with(|p| p.set(!frozen));
    fail_next_charge();
    if frozen {
        trip_this_thread(GuestError::MemoryLimit { limit: budget });
    } else {
        check_memory_this_thread(settle_memory);
    }
}

/// Whether a crossing of the memory budget waits to be settled.
pub(crate) fn memory_pending() -> bool {
    MEMORY_PENDING.try_with(Cell::get).unwrap_or(false)
}

/// Settles a pending crossing of the memory budget on the sandbox thread:
/// still over the budget, the guest is stopped with `MemoryLimit` (true);
/// back under it, the fuel the crossing held back is given back (false).
pub(crate) fn settle_memory() -> bool {
    if !MEMORY_PENDING.try_with(|p| p.replace(false)).unwrap_or(false) {
        return false;
    }
    match crate::alloc::recheck_budget() {
        Some(budget) => {
            trip_this_thread(GuestError::MemoryLimit { limit: budget });
            true
        }
        None => {
            restore_held();
            false
        }
    }
}

/// Refuses, with `MemoryError`, a result of `bytes` bytes that does not fit in
/// what is left of the sandbox's memory budget: nothing is allocated, and the
/// guest may catch the error and go on (crossing the budget for real is
/// terminal, see `alloc`).
pub(crate) fn reserve(bytes: f64, what: &str, vm: &VirtualMachine) -> PyResult<()> {
    match crate::alloc::headroom() {
        Some(room) if bytes > room as f64 => {
            let exc = vm.new_memory_error(format!(
                "{what} would need about {bytes:.0} bytes; the sandbox has {room} left"
            ));
            let _ = REFUSAL.try_with(|r| *r.borrow_mut() = Some(exc.clone().into()));
            Err(exc)
        }
        _ => Ok(()),
    }
}

/// [`reserve`] for a result whose exact size costs a pass over the data:
/// `quick` (an upper bound from lengths alone) is tried first, and `exact` is
/// computed, and reserved, only when the bound does not fit (with no budget,
/// neither).
pub(crate) fn reserve_bounded(
    quick: f64,
    exact: impl FnOnce() -> f64,
    what: &str,
    vm: &VirtualMachine,
) -> PyResult<()> {
    match crate::alloc::headroom() {
        Some(room) if quick > room as f64 => reserve(exact(), what, vm),
        _ => Ok(()),
    }
}

/// What a result costs per object in it besides its text: the object (a
/// `str` is 80 bytes, `bytes` 64, measured) and its list slot, rounded up.
pub(crate) const PIECE: usize = 96;

thread_local! {
    /// The last `MemoryError` a size check raised: if the guest lets it escape
    /// its call, the host gets `GuestError::MemoryLimit` (the guest ran out of
    /// memory) rather than an ordinary exception.
    static REFUSAL: RefCell<Option<PyObjectRef>> = const { RefCell::new(None) };
}

/// Whether `exc` is the `MemoryError` a size check raised (and forgets it).
pub(crate) fn is_refusal(exc: &PyObject) -> bool {
    REFUSAL
        .try_with(|r| r.borrow_mut().take().is_some_and(|refused| refused.is(exc)))
        .unwrap_or(false)
}

/// On the sandbox thread, inside a native operation: settles a pending memory
/// crossing, then fails with the stop if the guest was stopped (a deadline, a
/// memory trip, the host) while it ran. Native loops never reach the
/// interpreter's own signal check.
#[inline]
pub(crate) fn check_stopped(vm: &VirtualMachine) -> PyResult<()> {
    if memory_pending() {
        settle_memory();
    }
    check_tripped(vm)
}

/// Forgets the last refusal (on the sandbox thread, before teardown).
pub(crate) fn release() {
    let _ = REFUSAL.try_with(|r| r.borrow_mut().take());
}
