//! One CPython thread state per sandbox thread, kept for the thread's life.
//!
//! A guest's call into a CPython object runs on the sandbox's thread, which
//! CPython did not create. `Python::attach` there makes a thread state and,
//! when it returns, deletes it again: about 10 µs per call, most of it the
//! thread state's first frame stack (`mmap` and `munmap`). [`attach`] counts
//! one more use of the thread state the first time it runs on a thread, so
//! later attaches only take the GIL; the use is given back when the thread
//! ends. Threads CPython made keep their own thread states as CPython
//! manages them. This is the crate's only `unsafe` code.

#![allow(unsafe_code)]

use pyo3::ffi;
use pyo3::prelude::*;
use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// The extra use of this thread's thread state ([`PyGILState_Ensure`]'s
/// token), given back when the thread ends.
struct Kept(ffi::PyGILState_STATE);

impl Drop for Kept {
    fn drop(&mut self) {
        // SAFETY: `Py_IsInitialized` may be called at any time. Once the
        // interpreter is exiting or finalized, the thread state is left to
        // CPython's own clean-up.
        if EXITING.load(Ordering::SeqCst) || unsafe { ffi::Py_IsInitialized() } == 0 {
            return;
        }
        // SAFETY: this thread holds a thread state (the one `keep` counted a
        // use of), so `PyGILState_Ensure` takes the GIL with it and counts a
        // second use. Releasing `self.0` (taken while attached: LOCKED) then
        // only gives back the kept use, and releasing `taken` gives back the
        // last: CPython clears and deletes the thread state and lets the GIL
        // go, as at the end of an ordinary attach.
        unsafe {
            let taken = ffi::PyGILState_Ensure();
            ffi::PyGILState_Release(self.0);
            ffi::PyGILState_Release(taken);
        }
    }
}

thread_local! {
    static KEPT: RefCell<Option<Kept>> = const { RefCell::new(None) };
}

/// Set by the package's `atexit` hook: from then on no sandbox thread enters
/// CPython (a thread state released during finalisation aborts the process).
static EXITING: AtomicBool = AtomicBool::new(false);

/// How many sandbox threads are inside CPython now (through [`attach`]).
static INSIDE: AtomicUsize = AtomicUsize::new(0);

/// The interpreter is exiting: sandbox threads stay out of CPython from now
/// on, and this waits (without the GIL: the caller has released it) up to
/// `grace` for those inside to leave, so none re-takes the GIL while CPython
/// finalises (which aborts the process).
pub(crate) fn exiting(grace: std::time::Duration) {
    EXITING.store(true, Ordering::SeqCst);
    let give_up = std::time::Instant::now() + grace;
    while INSIDE.load(Ordering::SeqCst) > 0 && std::time::Instant::now() < give_up {
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
}

/// `Python::attach` for a sandbox's thread: the first call keeps this
/// thread's thread state for the life of the thread. `None` once the
/// interpreter is exiting: nothing runs.
pub(crate) fn attach<R>(f: impl for<'py> FnOnce(Python<'py>) -> R) -> Option<R> {
    // Counted before the flag is read: `exiting` then either sees this
    // thread inside or this thread sees the flag.
    struct Inside;
    impl Drop for Inside {
        fn drop(&mut self) {
            INSIDE.fetch_sub(1, Ordering::SeqCst);
        }
    }
    INSIDE.fetch_add(1, Ordering::SeqCst);
    let _inside = Inside;
    if EXITING.load(Ordering::SeqCst) {
        return None;
    }
    let keep = KEPT.try_with(|k| k.borrow().is_none()).unwrap_or(false)
        // SAFETY: may be called on any thread, attached or not; null when
        // CPython has no thread state for this thread (it did not make it).
        && unsafe { ffi::PyGILState_GetThisThreadState() }.is_null();
    Python::attach(|py| {
        if keep {
            let _ = KEPT.try_with(|kept| {
                // SAFETY: the thread is attached (`py`), so this only counts
                // one more use of its current thread state (it returns
                // LOCKED and changes nothing else); `Kept` gives it back.
                *kept.borrow_mut() = Some(Kept(unsafe { ffi::PyGILState_Ensure() }));
            });
        }
        f(py)
    })
    .into()
}
