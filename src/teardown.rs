//! Sandbox teardown off the caller's path: a dropped [`Sandbox`](crate::Sandbox)
//! is stopped, its capabilities revoked and its thread told to leave at once;
//! the wait for that thread (its interpreter's teardown, a few milliseconds)
//! and for its output thread happens here, on one reaper thread per runtime,
//! started when a drop needs it and ended when nothing is left to join.
//!
//! Nothing is left behind: every sandbox thread is joined (or, past the drop
//! grace, detached, exactly as a drop used to). At most
//! [`MAX_PENDING_TEARDOWNS`] dropped sandboxes of a runtime tear down at once:
//! a drop made on a host thread beyond that waits for one to finish *before*
//! it lets its own sandbox's teardown start, so a host dropping sandboxes
//! faster than they tear down waits in `drop` instead of piling up their
//! memory. A drop made on a thread the runtime runs (a master sandbox dropping
//! its slaves, an output sink) never waits: what it would wait for may be
//! itself. [`Runtime::wait_for_teardown`](crate::Runtime::wait_for_teardown)
//! (which the runtime's own drop calls) waits until every thread, the
//! reaper's included, has ended.

use crate::inbox::Link;
use parking_lot::{Condvar, Mutex};
use std::cell::Cell;
use std::sync::Arc;
use std::thread::{JoinHandle, ThreadId};
use std::time::{Duration, Instant};

/// How many dropped sandboxes of one runtime may be tearing down at once; a
/// drop on a host thread beyond that waits until one has finished.
pub const MAX_PENDING_TEARDOWNS: usize = 8;

/// How often the reaper looks at its threads (and re-arms their stops).
const TICK: Duration = Duration::from_micros(200);

thread_local! {
    /// Whether this thread is one the runtime runs for a sandbox (its output
    /// thread): a drop here never waits for a teardown slot.
    static RUNTIME_THREAD: Cell<bool> = const { Cell::new(false) };
}

/// Marks this thread as one of the runtime's own (see [`Reaper::reserve`]).
pub(crate) fn mark_runtime_thread() {
    RUNTIME_THREAD.with(|t| t.set(true));
}

/// Whether this thread was marked by [`mark_runtime_thread`].
pub(crate) fn on_runtime_thread() -> bool {
    RUNTIME_THREAD.try_with(Cell::get).unwrap_or(true)
}

/// One dropped sandbox whose threads have not all ended yet.
pub(crate) struct Pending {
    /// The sandbox thread, until it is joined or detached.
    pub(crate) thread: Option<JoinHandle<()>>,
    /// The sandbox's link: its stop is re-sent through it (a guest in a
    /// native call misses the first one), and it tells whether the thread is
    /// frozen at the memory ceiling (it never ends).
    pub(crate) link: Arc<Link>,
    /// When it was dropped, and how long to wait before detaching it.
    pub(crate) dropped: Instant,
    pub(crate) grace: Duration,
    /// Its output thread, which ends once the sandbox thread has and the
    /// sink has taken the rest (a sink may be slow: it is polled, never
    /// joined while running).
    pub(crate) output: Option<JoinHandle<()>>,
}

impl Pending {
    fn is_mine(&self, me: ThreadId) -> bool {
        self.thread_ids().any(|id| id == me)
    }

    fn thread_ids(&self) -> impl Iterator<Item = ThreadId> + '_ {
        [&self.thread, &self.output]
            .into_iter()
            .filter_map(|h| h.as_ref().map(|h| h.thread().id()))
    }

    /// Joins what has ended, detaches what is past its grace; true when
    /// the sandbox thread is done with (joined or detached) by this call.
    fn poll(&mut self, now: Instant) -> bool {
        let mut released = false;
        if let Some(thread) = self.thread.take() {
            if thread.is_finished() {
                let _ = thread.join();
                released = true;
            } else if now.saturating_duration_since(self.dropped) > self.grace
                || self.link.account.frozen()
            {
                // It ends by itself, if ever, as soon as it is back in the
                // interpreter; its output thread with it.
                drop(thread);
                self.output = None;
                released = true;
            } else {
                self.link.tripwire.rearm();
                self.thread = Some(thread);
            }
        }
        if self.output.as_ref().is_some_and(JoinHandle::is_finished) {
            if let Some(output) = self.output.take() {
                let _ = output.join();
            }
        }
        released
    }

    fn done(&self) -> bool {
        self.thread.is_none() && self.output.is_none()
    }
}

#[derive(Default)]
struct State {
    pending: Vec<Pending>,
    /// Dropped sandboxes whose thread has not ended (or been detached):
    /// slots taken by [`Reaper::reserve`], given back as each is done with.
    tearing: usize,
    /// Reaper threads that have left (or are leaving) their loop, to join.
    ended: Vec<JoinHandle<()>>,
    /// Whether a reaper is in its loop, or being started.
    running: bool,
    /// The threads of items being waited for on a dropper's thread (no
    /// reaper could start).
    inline: Vec<ThreadId>,
    /// Reapers being started whose handle is not in `ended` yet.
    starting: usize,
}

/// The reaper of one runtime.
#[derive(Default)]
pub(crate) struct Reaper {
    shared: Arc<(Mutex<State>, Condvar)>,
}

impl Reaper {
    /// Takes a teardown slot for a sandbox about to be torn down; on a host
    /// thread (`may_wait`), waits while [`MAX_PENDING_TEARDOWNS`] are taken.
    /// Every slot is given back by [`Reaper::adopt`]'s item or by
    /// [`Reaper::release`].
    pub(crate) fn reserve(&self, may_wait: bool) {
        let (lock, changed) = &*self.shared;
        let mut state = lock.lock();
        if may_wait {
            while state.tearing >= MAX_PENDING_TEARDOWNS {
                changed.wait(&mut state);
            }
        }
        state.tearing += 1;
    }

    /// Gives back a slot whose sandbox thread ended before it was adopted.
    pub(crate) fn release(&self) {
        let (lock, changed) = &*self.shared;
        let mut state = lock.lock();
        state.tearing = state.tearing.saturating_sub(1);
        changed.notify_all();
    }

    /// Hands over a dropped sandbox's threads (its slot taken by
    /// [`Reaper::reserve`] when `item.thread` is set). If no thread can be
    /// spawned for the reaper, waits for them here, as a drop did before.
    pub(crate) fn adopt(&self, item: Pending) {
        let (lock, changed) = &*self.shared;
        let mut state = lock.lock();
        state.pending.push(item);
        if state.running {
            return;
        }
        state.running = true;
        state.starting += 1;
        let ended = std::mem::take(&mut state.ended);
        drop(state);
        // Reapers that left their loop: each is returning.
        for reaper in ended {
            let _ = reaper.join();
        }
        let shared = self.shared.clone();
        let spawned = std::thread::Builder::new()
            .name("pyocap-reaper".into())
            .stack_size(64 << 10)
            .spawn(move || reap(&shared));
        let mut state = lock.lock();
        state.starting -= 1;
        match spawned {
            Ok(handle) => {
                state.ended.push(handle);
                changed.notify_all();
            }
            Err(_) => {
                state.running = false;
                let mut items = std::mem::take(&mut state.pending);
                let ids: Vec<ThreadId> = items.iter().flat_map(Pending::thread_ids).collect();
                state.inline.extend(ids.iter().copied());
                drop(state);
                let mut released = 0;
                while !items.is_empty() {
                    let now = Instant::now();
                    for item in &mut items {
                        released += usize::from(item.poll(now));
                    }
                    items.retain(|i| !i.done());
                    if !items.is_empty() {
                        std::thread::sleep(TICK);
                    }
                }
                let mut state = lock.lock();
                for id in ids {
                    if let Some(at) = state.inline.iter().position(|i| *i == id) {
                        state.inline.swap_remove(at);
                    }
                }
                state.tearing = state.tearing.saturating_sub(released);
                changed.notify_all();
            }
        }
    }

    /// Waits until every adopted thread has ended or been detached and every
    /// reaper has ended, or until `timeout`; true when all have. On a thread
    /// that is itself being waited for (the last handle to a runtime can go
    /// with a master sandbox's state, or with an output sink), waits for the
    /// others only.
    pub(crate) fn wait(&self, timeout: Duration) -> bool {
        let deadline = Instant::now().checked_add(timeout);
        let (lock, changed) = &*self.shared;
        let me = std::thread::current().id();
        let mut state = lock.lock();
        let busy = |state: &State| {
            state.inline.iter().any(|id| *id != me)
                || state.starting > 0
                || state.pending.iter().any(|p| !p.is_mine(me))
                || (state.running && state.pending.is_empty())
        };
        while busy(&state) {
            match deadline {
                Some(deadline) => {
                    if changed.wait_until(&mut state, deadline).timed_out() && busy(&state) {
                        return false;
                    }
                }
                None => changed.wait(&mut state),
            }
        }
        if !state.pending.is_empty() {
            // Only this thread's own: the reaper joins it once it has ended.
            return true;
        }
        let ended = std::mem::take(&mut state.ended);
        drop(state);
        for reaper in ended {
            if reaper.thread().id() != me {
                let _ = reaper.join();
            }
        }
        true
    }

    /// How many dropped sandboxes are still tearing down.
    pub(crate) fn pending(&self) -> usize {
        self.shared.0.lock().tearing
    }
}

/// The reaper's loop: joins what has ended, re-arms what has not, detaches
/// what is past its grace; leaves when nothing is pending.
fn reap(shared: &(Mutex<State>, Condvar)) {
    let (lock, changed) = shared;
    loop {
        {
            let mut state = lock.lock();
            let now = Instant::now();
            let mut released = 0;
            for item in &mut state.pending {
                released += usize::from(item.poll(now));
            }
            let before = state.pending.len();
            state.pending.retain(|i| !i.done());
            if released > 0 || state.pending.len() < before {
                state.tearing = state.tearing.saturating_sub(released);
                changed.notify_all();
            }
            if state.pending.is_empty() {
                state.running = false;
                changed.notify_all();
                return;
            }
        }
        std::thread::sleep(TICK);
    }
}
