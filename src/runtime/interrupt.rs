//! Stopping a guest from outside its thread, in a way it cannot escape.
//!
//! RustPython checks a queue of "user signals" at every instruction. A *sticky*
//! signal raises an exception and re-queues itself, so the very next instruction
//! the guest runs (in an `except` block, a `finally`, an `__exit__`, a `__del__`)
//! raises again: no guest code runs to completion after a trip. The flag that
//! makes the VM look at its queue is process-wide, and another sandbox's thread
//! can clear it first; so whoever waits for a tripped sandbox to stop keeps
//! re-arming it ([`Tripwire::rearm`]) until it has.

use super::GuestError;
use parking_lot::Mutex;
use rustpython_vm::signal::{UserSignal, UserSignalSender};
use std::sync::Arc;

/// The stop switch of one sandbox, shared by its thread and its handle.
#[derive(Clone)]
pub(crate) struct Tripwire {
    inner: Arc<Inner>,
}

struct Inner {
    reason: Mutex<Option<GuestError>>,
    signal: UserSignalSender,
}

impl Tripwire {
    pub(crate) fn new(signal: UserSignalSender) -> Self {
        Tripwire { inner: Arc::new(Inner { reason: Mutex::new(None), signal }) }
    }

    /// Stops the guest for `reason` (the first reason wins) and arms the sticky
    /// signal.
    pub(crate) fn trip(&self, reason: GuestError) {
        {
            let mut r = self.inner.reason.lock();
            if r.is_none() {
                *r = Some(reason);
            }
        }
        self.rearm();
    }

    /// Queues the sticky signal again (a no-op once the sandbox's interpreter is gone).
    pub(crate) fn rearm(&self) {
        let _ = self.inner.signal.send(sticky(self.inner.signal.clone()));
    }

    /// Why the guest was stopped, if it was.
    pub(crate) fn reason(&self) -> Option<GuestError> {
        self.inner.reason.lock().clone()
    }
}

fn sticky(tx: UserSignalSender) -> UserSignal {
    Box::new(move |vm| {
        let _ = tx.send(sticky(tx.clone()));
        Err(vm.new_exception_msg(
            vm.ctx.exceptions.keyboard_interrupt.to_owned(),
            "the sandbox was stopped".into(),
        ))
    })
}
