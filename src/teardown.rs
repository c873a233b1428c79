//! Sandbox teardown off the caller's path: a dropped [`Sandbox`](crate::Sandbox)
//! is stopped, its capabilities revoked and its thread told to leave at once;
//! the wait for that thread (its interpreter's teardown, a few milliseconds)
//! happens here, on one reaper thread per runtime, started when a drop needs it
//! and ended when nothing is left to join.
//!
//! Nothing is left behind: every sandbox thread is joined (or, past the drop
//! grace, detached, exactly as a drop used to); at most
//! [`MAX_PENDING_TEARDOWNS`] wait at once, so a host dropping sandboxes faster
//! than they tear down waits in `drop` instead of piling up their memory; and
//! [`Runtime::wait_for_teardown`](crate::Runtime::wait_for_teardown) (which the
//! runtime's own drop calls) waits until every thread, the reaper's included,
//! has ended.

use parking_lot::{Condvar, Mutex};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How many dropped sandboxes may be tearing down at once, per runtime; a drop
/// beyond that waits until one has finished.
pub const MAX_PENDING_TEARDOWNS: usize = 8;

/// How often the reaper looks at its threads (and re-arms their stops).
const TICK: Duration = Duration::from_micros(200);

/// One dropped sandbox whose thread has not ended yet.
pub(crate) struct Pending {
    /// The sandbox thread.
    pub(crate) thread: JoinHandle<()>,
    /// Re-sends the stop (a guest in a native call misses the first one).
    pub(crate) rearm: Box<dyn Fn() + Send>,
    /// Whether the thread is frozen at the memory ceiling (it never ends).
    pub(crate) frozen: Box<dyn Fn() -> bool + Send>,
    /// When to stop waiting and detach it.
    pub(crate) give_up: Instant,
    /// Its output thread, which ends with it.
    pub(crate) output: Option<JoinHandle<()>>,
}

#[derive(Default)]
struct State {
    pending: Vec<Pending>,
    /// The reaper thread, while one runs.
    reaper: Option<JoinHandle<()>>,
    /// Whether the reaper is in its loop (false once it decided to end).
    running: bool,
}

/// The reaper of one runtime.
#[derive(Default)]
pub(crate) struct Reaper {
    shared: Arc<(Mutex<State>, Condvar)>,
}

impl Reaper {
    /// Hands over a dropped sandbox's thread. Waits while
    /// [`MAX_PENDING_TEARDOWNS`] are pending. If no thread can be spawned for
    /// the reaper, joins here (as a drop did before).
    pub(crate) fn adopt(&self, item: Pending) {
        let (lock, changed) = &*self.shared;
        let mut state = lock.lock();
        while state.pending.len() >= MAX_PENDING_TEARDOWNS {
            changed.wait(&mut state);
        }
        state.pending.push(item);
        if state.running {
            return;
        }
        // A reaper that ended (or none yet): its thread is done or about to
        // return; join it before starting the next.
        if let Some(old) = state.reaper.take() {
            drop(state);
            let _ = old.join();
            state = lock.lock();
            if state.running {
                return;
            }
        }
        let shared = self.shared.clone();
        match std::thread::Builder::new()
            .name("pyocap-reaper".into())
            .stack_size(64 << 10)
            .spawn(move || reap(&shared))
        {
            Ok(handle) => {
                state.running = true;
                state.reaper = Some(handle);
            }
            Err(_) => {
                let items = std::mem::take(&mut state.pending);
                drop(state);
                for item in items {
                    finish(item);
                }
                changed.notify_all();
            }
        }
    }

    /// Waits until every adopted thread has ended or been detached and the
    /// reaper itself has ended, or until `timeout`. True when all have.
    pub(crate) fn wait(&self, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        let (lock, changed) = &*self.shared;
        // Called on a sandbox thread that is itself tearing down (the last
        // handle to a runtime can go with a master sandbox's state), it
        // waits for the others only.
        let me = std::thread::current().id();
        let busy = |state: &State| {
            state.running && state.pending.iter().any(|p| p.thread.thread().id() != me)
                || state.running && state.pending.is_empty()
        };
        let mut state = lock.lock();
        while busy(&state) {
            if changed.wait_until(&mut state, deadline).timed_out() && busy(&state) {
                return false;
            }
        }
        if !state.pending.is_empty() {
            return true;
        }
        if let Some(reaper) = state.reaper.take() {
            drop(state);
            let _ = reaper.join();
        }
        true
    }

    /// How many dropped sandboxes are still tearing down.
    pub(crate) fn pending(&self) -> usize {
        self.shared.0.lock().pending.len()
    }
}

/// The reaper's loop: joins what has ended, re-arms what has not, detaches
/// what is past its grace; ends when nothing is pending.
fn reap(shared: &(Mutex<State>, Condvar)) {
    let (lock, changed) = shared;
    loop {
        let mut done = Vec::new();
        {
            let mut state = lock.lock();
            let now = Instant::now();
            let mut i = 0;
            while i < state.pending.len() {
                let item = &state.pending[i];
                if item.thread.is_finished() || now > item.give_up || (item.frozen)() {
                    done.push(state.pending.swap_remove(i));
                } else {
                    (item.rearm)();
                    i += 1;
                }
            }
            if done.is_empty() && state.pending.is_empty() {
                state.running = false;
                changed.notify_all();
                return;
            }
        }
        for item in done.drain(..) {
            finish(item);
            changed.notify_all();
        }
        std::thread::sleep(TICK);
    }
}

/// Joins an ended thread and its output thread; detaches one that has not
/// ended (past its grace, or frozen: it ends by itself, if ever, as soon as it
/// is back in the interpreter).
fn finish(item: Pending) {
    if item.thread.is_finished() {
        let _ = item.thread.join();
        if let Some(output) = item.output {
            let _ = output.join();
        }
    }
}
