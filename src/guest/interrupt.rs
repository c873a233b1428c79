//! Stopping a guest from outside its thread, in a way it cannot escape.
//!
//! RustPython checks a queue of "user signals" before every instruction. An
//! exception raised from that check is *not* safe to let the guest's handlers see:
//! the interpreter (0.5.0) does not reset its extended-argument state on that
//! path, so the first instruction of the handler runs with a corrupt argument
//! (a `COPY` then indexes the value stack out of bounds, through an unchecked
//! pointer in release builds). So a stop never raises from the signal check.
//!
//! Instead the signal only *delivers* the stop to the guest's thread, where it
//! installs a tracer that always raises: every frame on the stack is marked to
//! trace each instruction, and the interpreter's trace hook fires before the next
//! one. An error from that hook leaves the frame loop directly, without running
//! any handler of that frame (`except`, `finally`, `__exit__`), and every new frame
//! (a `__del__`, a resumed generator, a callback) fails at its `call` event before
//! its first instruction. Once installed it stays: no guest code runs again.
//!
//! The flag that makes the VM look at its signal queue is process-wide, and
//! another sandbox's thread can clear it first; so whoever waits for a stop
//! re-sends the signal ([`Tripwire::rearm`]) until the guest has left its call.

use crate::error::GuestError;
use rustpython_vm::function::FuncArgs;
use rustpython_vm::signal::UserSignalSender;
use rustpython_vm::{PyResult, VirtualMachine};
use std::cell::{Cell, RefCell};
use std::sync::{Arc, OnceLock};

/// The stop switch of one sandbox, shared by its thread and its handle.
#[derive(Clone)]
pub(crate) struct Tripwire {
    inner: Arc<Inner>,
}

struct Inner {
    // Lock-free: a sandbox thread frozen by the allocator must never hold a lock
    // the host needs.
    reason: OnceLock<GuestError>,
    /// Whether a host thread's interrupt check stopped it ([`Tripwire::interrupt`]).
    interrupted: std::sync::atomic::AtomicBool,
    signal: UserSignalSender,
}

impl Tripwire {
    pub(crate) fn new(signal: UserSignalSender) -> Self {
        Tripwire {
            inner: Arc::new(Inner {
                reason: OnceLock::new(),
                interrupted: std::sync::atomic::AtomicBool::new(false),
                signal,
            }),
        }
    }

    /// Stops the guest for `reason` (the first reason wins) and delivers the stop.
    pub(crate) fn trip(&self, reason: GuestError) {
        let _ = self.inner.reason.set(reason);
        self.rearm();
    }

    /// Stops the guest because the host thread waiting for it was interrupted
    /// (`pyocap::interruptible`): as [`Tripwire::trip`] with `Stopped`, and
    /// marked, so a call this sandbox's thread waits on in turn is stopped too.
    pub(crate) fn interrupt(&self) {
        self.inner
            .interrupted
            .store(true, std::sync::atomic::Ordering::SeqCst);
        self.trip(GuestError::Stopped);
    }

    /// Whether [`Tripwire::interrupt`] stopped it.
    pub(crate) fn was_interrupted(&self) -> bool {
        self.inner
            .interrupted
            .load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Asks the sandbox thread to run `settle` (the meter's settling of a
    /// memory crossing) at the interpreter's next signal check, and to stop if
    /// it says so.
    fn check_memory(&self, settle: fn() -> bool) {
        let _ = self.inner.signal.send(Box::new(move |vm| {
            if settle() {
                install_stop(vm);
            }
            Ok(())
        }));
    }

    /// Sends the stop again (a no-op once the sandbox's interpreter is gone).
    pub(crate) fn rearm(&self) {
        let _ = self.inner.signal.send(Box::new(|vm| {
            install_stop(vm);
            Ok(())
        }));
    }

    /// Why the guest was stopped, if it was.
    pub(crate) fn reason(&self) -> Option<GuestError> {
        self.inner.reason.get().cloned()
    }

    /// Whether the guest was stopped (without cloning the reason).
    pub(crate) fn is_tripped(&self) -> bool {
        self.inner.reason.get().is_some()
    }

    /// Makes this the tripwire the allocator trips on this (sandbox) thread.
    pub(crate) fn register_on_this_thread(&self) {
        THREAD_TRIPWIRE.with(|t| *t.borrow_mut() = Some(self.clone()));
    }
}

thread_local! {
    static THREAD_TRIPWIRE: RefCell<Option<Tripwire>> = const { RefCell::new(None) };
}

/// Trips this thread's stop for `reason` (from native code with no VM at
/// hand, such as the memory meter).
pub(crate) fn trip_this_thread(reason: GuestError) {
    let _ = THREAD_TRIPWIRE.try_with(|t| {
        if let Ok(t) = t.try_borrow() {
            if let Some(t) = t.as_ref() {
                t.trip(reason);
            }
        }
    });
}

/// Asks this thread's interpreter to run `settle` at its next signal check
/// (a memory crossing waits to be settled there).
pub(crate) fn check_memory_this_thread(settle: fn() -> bool) {
    let _ = THREAD_TRIPWIRE.try_with(|t| {
        if let Ok(t) = t.try_borrow() {
            if let Some(t) = t.as_ref() {
                t.check_memory(settle);
            }
        }
    });
}

/// On the sandbox thread: stops the guest now for `reason` (unless it was already
/// stopped for another) and returns the exception that unwinds the native call
/// in progress. The stop is installed before that exception reaches any handler.
pub(crate) fn stop_here(
    vm: &VirtualMachine,
    reason: GuestError,
) -> rustpython_vm::builtins::PyBaseExceptionRef {
    let _ = THREAD_TRIPWIRE.try_with(|t| {
        if let Ok(t) = t.try_borrow() {
            if let Some(t) = t.as_ref() {
                let _ = t.inner.reason.set(reason);
            }
        }
    });
    install_stop(vm);
    stopped_exception(vm)
}

/// Whether this thread's guest was stopped (for native code with no VM at hand).
pub(crate) fn is_tripped() -> bool {
    THREAD_TRIPWIRE
        .try_with(|t| {
            t.try_borrow()
                .is_ok_and(|t| t.as_ref().is_some_and(Tripwire::is_tripped))
        })
        .unwrap_or(false)
}

/// On the sandbox thread, inside a native operation: fails with the stop if the
/// guest was stopped (a deadline, the host, a settled memory trip) while it
/// ran. Native loops call the meter's `check_stopped`, which settles a pending
/// memory crossing first.
#[inline]
pub(crate) fn check_tripped(vm: &VirtualMachine) -> PyResult<()> {
    let tripped = is_tripped();
    if tripped {
        install_stop(vm);
        return Err(stopped_exception(vm));
    }
    Ok(())
}

fn stopped_exception(vm: &VirtualMachine) -> rustpython_vm::builtins::PyBaseExceptionRef {
    vm.new_exception_msg(
        vm.ctx.exceptions.keyboard_interrupt.to_owned(),
        "the sandbox was stopped".into(),
    )
}

thread_local! {
    /// Whether this (sandbox) thread's interpreter has the stop installed.
    static INSTALLED: Cell<bool> = const { Cell::new(false) };
}

/// Installs the stop in `vm`, on its own thread. Idempotent.
pub(crate) fn install_stop(vm: &VirtualMachine) {
    if INSTALLED.with(Cell::get) {
        return;
    }
    INSTALLED.with(|i| i.set(true));
    let tracer: rustpython_vm::PyObjectRef = vm.new_function("pyocap_stopped", stop_tracer).into();
    *vm.trace_func.borrow_mut() = tracer.clone();
    vm.use_tracing.set(true);
    let mut frame = vm.current_frame();
    while let Some(f) = frame {
        *f.trace.lock() = tracer.clone();
        *f.trace_opcodes.lock() = true;
        frame = f.f_back(vm);
    }
}

fn stop_tracer(_args: FuncArgs, vm: &VirtualMachine) -> PyResult {
    Err(stopped_exception(vm))
}
