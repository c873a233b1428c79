//! How threads talk to sandboxes: each sandbox thread's inbox (SPEC §3.5, §5.5).
//!
//! Each sandbox thread has an *inbox*. Jobs arrive there (from the host, or from
//! another sandbox calling an object this one handed out), and so do the
//! replies to calls this sandbox makes into other sandboxes. While a sandbox
//! thread waits for such a reply it keeps serving the jobs sent to it (as
//! callbacks, inside the call that waits), so nested calls in both directions
//! (master → slave → master → slave) never deadlock: whoever is waiting is also
//! listening.
//!
//! Whoever waits also enforces the callee's deadline and re-sends a stop the
//! callee's thread has not yet seen, exactly as the host does for its own calls.

use crate::alloc::AccountHandle;
use crate::guest::Tripwire;
use crate::error::GuestError;
use crate::caps::CapHandle;
use crate::value::Value;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

/// How often a waiter checks deadlines, frozen threads and stops.
pub(crate) const WATCH_TICK: Duration = Duration::from_millis(1);

/// How long a waiter waits, once the callee was stopped, for the callee to
/// acknowledge before answering without it. The callee then is inside one native
/// operation that does not look at its stop (a catastrophic regular expression,
/// a multiplication of huge integers); it can run no more guest code, and its
/// thread ends when that operation returns.
pub(crate) const STOP_GRACE: Duration = Duration::from_millis(5);

/// How long a waiter, and a sandbox thread that just finished a job, poll
/// their channel before they park. Waking a parked thread on another CPU costs
/// tens of microseconds on an idle machine; a call that is answered (or a next
/// job that arrives) within this time costs neither side a wake-up. Bounded,
/// so an idle sandbox burns at most this much CPU after each job; the poll
/// yields the CPU between tries, so on a busy machine it takes little from
/// threads that have work.
pub(crate) const SPIN: Duration = Duration::from_micros(50);

/// Polls `rx` for up to [`SPIN`]: `Some` with what arrived (or its
/// disconnection), `None` when nothing did.
pub(crate) fn spin_recv<T>(rx: &mpsc::Receiver<T>) -> Option<Result<T, mpsc::TryRecvError>> {
    let start = Instant::now();
    loop {
        for _ in 0..16 {
            match rx.try_recv() {
                Err(mpsc::TryRecvError::Empty) => std::hint::spin_loop(),
                other => return Some(other),
            }
        }
        if start.elapsed() >= SPIN {
            return None;
        }
        // On a busy machine the CPU goes to a thread that has work (perhaps
        // the one this waits for); on an idle one this returns at once.
        std::thread::yield_now();
    }
}

/// What a served job gives back.
pub(crate) type Outcome = Result<Value, GuestError>;

/// A job for a sandbox thread.
pub(crate) enum Job {
    Exec {
        source: String,
        filename: String,
    },
    Eval {
        source: String,
    },
    Call {
        name: String,
        args: Vec<Value>,
    },
    /// Compile `source` without running it; the result goes to `into`.
    Compile {
        source: String,
        filename: String,
        eval: bool,
        into: mpsc::SyncSender<Arc<crate::guest::Compiled>>,
    },
    /// Run code compiled before (by this sandbox or another): its source is
    /// checked against this sandbox's bounds again and kept for tracebacks.
    RunCode {
        code: Arc<crate::guest::Compiled>,
        source: Arc<str>,
        filename: Arc<str>,
    },
    SetGlobal {
        name: String,
        value: Value,
    },
    Grant {
        name: String,
        cap: CapHandle,
    },
    GrantMapping {
        name: String,
        entries: Value,
    },
    /// A use of an object this sandbox handed out.
    Invoke {
        export: u64,
        op: Op,
    },
    /// Unit tests only: native code run on the sandbox thread with the guest's
    /// interpreter and globals (to hand guest code objects no value can carry,
    /// such as every native type of the sandbox).
    /// (The closure is a `sandbox_thread::NativeProbe`, boxed so this file
    /// never names the interpreter.)
    #[cfg(test)]
    Native(Box<dyn std::any::Any + Send>),
}

/// What is done with a handed-out object.
pub(crate) enum Op {
    /// Call the object: positional and keyword arguments.
    Call(Vec<Value>, Vec<(String, Value)>),
    /// Call a method of the object: its name, positional and keyword arguments.
    CallMethod(String, Vec<Value>, Vec<(String, Value)>),
    Get(String),
    Dir,
}

pub(crate) struct Request {
    pub(crate) job: Job,
    reply: ReplyTo,
}

/// Where the outcome of a job goes.
pub(crate) enum ReplyTo {
    /// A thread that is not a sandbox waits on a channel of its own.
    Channel(mpsc::SyncSender<Outcome>),
    /// A sandbox thread gets the reply in its inbox.
    Inbox {
        to: mpsc::Sender<Msg>,
        call: u64,
        done: Arc<AtomicBool>,
    },
}

impl Request {
    pub(crate) fn reply(self, outcome: Outcome) {
        self.reply.send(outcome)
    }

    pub(crate) fn split(self) -> (Job, ReplyTo) {
        (self.job, self.reply)
    }
}

impl ReplyTo {
    pub(crate) fn send(self, outcome: Outcome) {
        match self {
            ReplyTo::Channel(tx) => {
                let _ = tx.send(outcome);
            }
            ReplyTo::Inbox { to, call, done } => {
                done.store(true, Ordering::SeqCst);
                let _ = to.send(Msg::Reply { call, outcome });
            }
        }
    }
}

pub(crate) enum Msg {
    Job(Request),
    Reply { call: u64, outcome: Outcome },
    Shutdown,
}

/// What a caller needs to reach a sandbox and to watch over it.
pub(crate) struct Link {
    pub(crate) id: u64,
    inbox: mpsc::Sender<Msg>,
    pub(crate) tripwire: Tripwire,
    pub(crate) account: AccountHandle,
    pub(crate) deadline: Option<Duration>,
    pub(crate) busy: Arc<AtomicBool>,
    /// Whether guest code is compiled with fuel ticks.
    pub(crate) fuel_metering: bool,
    /// Fuel of each top-level call (`u64::MAX`: unmetered), set by the host.
    pub(crate) fuel_budget: AtomicU64,
    /// Fuel the last top-level call used, and what it had left (`u64::MAX`:
    /// unmetered), published by the sandbox thread when the call ends.
    pub(crate) fuel_used: AtomicU64,
    pub(crate) fuel_left: AtomicU64,
    /// Whether a thread is re-sending the stop to a callee no waiter waits for.
    rearming: Arc<AtomicBool>,
    /// For a sandbox in a worker process: its pid and the memory it reported.
    pub(crate) remote: Remote,
}

/// What the host knows of a sandbox's worker process (all zero in process).
#[derive(Default)]
pub(crate) struct Remote {
    pub(crate) pid: std::sync::atomic::AtomicU32,
    pub(crate) memory_used: AtomicU64,
    pub(crate) memory_peak: AtomicU64,
}

impl Link {
    pub(crate) fn new(
        id: u64,
        tripwire: Tripwire,
        account: AccountHandle,
        policy: &crate::policy::Policy,
    ) -> (Arc<Link>, mpsc::Sender<Msg>, mpsc::Receiver<Msg>) {
        let (tx, rx) = mpsc::channel();
        let link = Arc::new(Link {
            id,
            inbox: tx.clone(),
            tripwire,
            account,
            deadline: policy.deadline,
            busy: Arc::new(AtomicBool::new(false)),
            fuel_metering: policy.fuel_metering,
            fuel_budget: AtomicU64::new(policy.fuel.unwrap_or(u64::MAX)),
            fuel_used: AtomicU64::new(0),
            fuel_left: AtomicU64::new(u64::MAX),
            rearming: Arc::new(AtomicBool::new(false)),
            remote: Remote::default(),
        });
        (link, tx, rx)
    }

    /// Asks the sandbox thread to leave its loop once it is idle.
    pub(crate) fn shut_down(&self) {
        let _ = self.inbox.send(Msg::Shutdown);
    }

    fn stopped(&self) -> GuestError {
        self.tripwire.reason().unwrap_or(GuestError::Stopped)
    }
}

static NEXT_CALL: AtomicU64 = AtomicU64::new(1);

/// The sandbox thread's side: its inbox, and what arrived while it was waiting.
pub(crate) struct ThreadCtx {
    id: u64,
    inbox_tx: mpsc::Sender<Msg>,
    inbox_rx: Rc<mpsc::Receiver<Msg>>,
    /// Serves a job that arrives while the thread waits inside a call.
    server: Option<Rc<dyn Fn(Job) -> Outcome>>,
    /// Replies to outer waits that arrived during an inner one.
    stash: HashMap<u64, Outcome>,
    shutdown: bool,
    tripwire: Tripwire,
}

/// How often a host thread waiting for a sandbox runs its interrupt check
/// ([`interruptible`]).
pub(crate) const INTERRUPT_TICK: Duration = Duration::from_millis(20);

/// A host thread's interrupt check, and when it runs next.
struct Interrupt {
    check: Box<dyn FnMut() -> bool>,
    next: Instant,
}

thread_local! {
    static INTERRUPT: RefCell<Option<Interrupt>> = const { RefCell::new(None) };
}

/// Runs `f` on this (host) thread with `check` as its interrupt check: while
/// the thread waits for a sandbox inside `f`, it calls `check` about every
/// [`INTERRUPT_TICK`], and when it returns true the sandbox waited for is
/// stopped (the wait ends with `GuestError::Stopped`, as from a
/// `StopHandle`). Nested uses keep the innermost check; the previous one is
/// restored when `f` returns or unwinds.
pub(crate) fn interruptible<R>(check: Box<dyn FnMut() -> bool>, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<Interrupt>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let previous = self.0.take();
            let _ = INTERRUPT.try_with(|i| *i.borrow_mut() = previous);
        }
    }
    let mine = Interrupt {
        check,
        next: Instant::now() + INTERRUPT_TICK,
    };
    let _restore = Restore(INTERRUPT.with(|i| i.borrow_mut().replace(mine)));
    f()
}

/// Whether this thread's interrupt check, if one is due, asks to stop.
pub(crate) fn interrupt_requested() -> bool {
    INTERRUPT.with(|i| {
        // Taken out while it runs: a check that itself waits for a sandbox
        // does not run itself again.
        let Some(mut it) = i.borrow_mut().take() else {
            return false;
        };
        let now = Instant::now();
        let stop = now >= it.next && {
            it.next = now + INTERRUPT_TICK;
            (it.check)()
        };
        let mut slot = i.borrow_mut();
        if slot.is_none() {
            *slot = Some(it);
        }
        stop
    })
}

thread_local! {
    static CTX: RefCell<Option<ThreadCtx>> = const { RefCell::new(None) };
}

/// Makes this thread sandbox `id`'s thread.
pub(crate) fn attach(
    id: u64,
    inbox_tx: mpsc::Sender<Msg>,
    inbox_rx: mpsc::Receiver<Msg>,
    tripwire: Tripwire,
) {
    CTX.with(|c| {
        *c.borrow_mut() = Some(ThreadCtx {
            id,
            inbox_tx,
            inbox_rx: Rc::new(inbox_rx),
            server: None,
            stash: HashMap::new(),
            shutdown: false,
            tripwire,
        })
    });
}

/// Ends this thread's sandbox role: replies to every job still waiting, so no
/// caller waits for a thread that is gone.
pub(crate) fn detach() {
    let ctx = CTX.with(|c| c.borrow_mut().take());
    if let Some(ctx) = ctx {
        while let Ok(msg) = ctx.inbox_rx.try_recv() {
            if let Msg::Job(r) = msg {
                r.reply(Err(GuestError::Stopped));
            }
        }
    }
}

/// The id of the sandbox whose thread this is.
pub(crate) fn current_sandbox() -> Option<u64> {
    // `try_with`: a `Sandbox` a host keeps in a thread-local of its own can be
    // dropped after this thread's context is gone (at thread exit).
    CTX.try_with(|c| c.borrow().as_ref().map(|c| c.id)).ok().flatten()
}

/// The next job for the top-level loop, or `None` when the thread should end.
pub(crate) fn next_request() -> Option<Request> {
    loop {
        let rx = CTX.with(|c| {
            let c = c.borrow();
            let c = c.as_ref()?;
            if c.shutdown {
                return None;
            }
            Some(c.inbox_rx.clone())
        })?;
        let msg = match spin_recv(&rx) {
            Some(m) => m.map_err(|_| mpsc::RecvError),
            None => rx.recv(),
        };
        match msg {
            Ok(Msg::Job(r)) => return Some(r),
            // A reply nobody waits for any more (its waiter was stopped).
            Ok(Msg::Reply { .. }) => continue,
            Ok(Msg::Shutdown) | Err(_) => return None,
        }
    }
}

/// Sets how this thread serves jobs that arrive while it waits inside a call.
pub(crate) fn serve_nested_with(server: Rc<dyn Fn(Job) -> Outcome>) {
    CTX.with(|c| {
        if let Some(c) = c.borrow_mut().as_mut() {
            c.server = Some(server);
        }
    });
}

/// Serves a job that arrived while this thread was waiting for a reply: it runs
/// now, inside the call that is waiting (as a callback would), so calls can nest
/// in both directions without deadlock.
fn serve_nested(request: Request) {
    let (job, reply) = request.split();
    let server = CTX.with(|c| c.borrow().as_ref().and_then(|c| c.server.clone()));
    let outcome = match server {
        Some(serve) => serve(job),
        None => Err(GuestError::Stopped),
    };
    reply.send(outcome);
}

/// Sends `job` to the sandbox behind `link` and waits for its outcome, enforcing
/// that sandbox's deadline and re-sending its stop. On a sandbox thread, the wait
/// keeps serving calls into this sandbox's own objects.
pub(crate) fn call(link: &Link, job: Job) -> Outcome {
    let here = CTX.with(|c| {
        c.borrow()
            .as_ref()
            .map(|c| (c.inbox_tx.clone(), c.inbox_rx.clone(), c.tripwire.clone()))
    });
    let mut watch = Watch::new(link);
    match here {
        None => {
            let (tx, rx) = mpsc::sync_channel(1);
            link.inbox
                .send(Msg::Job(Request {
                    job,
                    reply: ReplyTo::Channel(tx),
                }))
                .map_err(|_| link.stopped())?;
            match spin_recv(&rx) {
                Some(Ok(outcome)) => return outcome,
                Some(Err(_)) => return Err(link.stopped()),
                None => {}
            }
            loop {
                match rx.recv_timeout(WATCH_TICK) {
                    Ok(outcome) => return outcome,
                    Err(mpsc::RecvTimeoutError::Disconnected) => return Err(link.stopped()),
                    Err(mpsc::RecvTimeoutError::Timeout) => {
                        watch.tick()?;
                        if interrupt_requested() {
                            link.tripwire.interrupt();
                        }
                    }
                }
            }
        }
        Some((own_tx, rx, own)) => {
            let call = NEXT_CALL.fetch_add(1, Ordering::Relaxed);
            let done = Arc::new(AtomicBool::new(false));
            link.inbox
                .send(Msg::Job(Request {
                    job,
                    reply: ReplyTo::Inbox {
                        to: own_tx,
                        call,
                        done: done.clone(),
                    },
                }))
                .map_err(|_| link.stopped())?;
            let mut spun = false;
            loop {
                let stashed =
                    CTX.with(|c| c.borrow_mut().as_mut().and_then(|c| c.stash.remove(&call)));
                if let Some(outcome) = stashed {
                    return outcome;
                }
                if let Some(reason) = own.reason() {
                    // This sandbox was stopped: stop waiting, but keep the callee
                    // within its own deadline. An interrupt of the host thread
                    // waiting for this sandbox stops what it waits for in turn,
                    // on its behalf (Ctrl-C ends the whole nested wait); a
                    // deadline or a stop handle ends only this sandbox.
                    if own.was_interrupted() {
                        link.tripwire.interrupt();
                    }
                    watch.hand_over(done);
                    return Err(reason);
                }
                watch.tick()?;
                // Spin at the start of the wait and after each message (a
                // quick answer), not on every tick of a long wait.
                let first = !std::mem::replace(&mut spun, true);
                let msg = match first.then(|| spin_recv(&rx)).flatten() {
                    Some(Ok(m)) => Ok(m),
                    Some(Err(_)) => Err(mpsc::RecvTimeoutError::Disconnected),
                    None => rx.recv_timeout(WATCH_TICK),
                };
                match msg {
                    Ok(Msg::Reply { call: c, outcome }) if c == call => return outcome,
                    Ok(Msg::Reply { call: c, outcome }) => {
                        spun = false;
                        CTX.with(|x| {
                            if let Some(x) = x.borrow_mut().as_mut() {
                                x.stash.insert(c, outcome);
                            }
                        })
                    }
                    Ok(Msg::Job(r)) => {
                        // After serving a callback, the reply may be close.
                        spun = false;
                        serve_nested(r)
                    }
                    Ok(Msg::Shutdown) => CTX.with(|x| {
                        if let Some(x) = x.borrow_mut().as_mut() {
                            x.shutdown = true;
                        }
                    }),
                    Err(mpsc::RecvTimeoutError::Timeout) => {}
                    Err(mpsc::RecvTimeoutError::Disconnected) => return Err(GuestError::Stopped),
                }
            }
        }
    }
}

/// A waiter's watch over the sandbox it waits on.
struct Watch {
    tripwire: Tripwire,
    account: AccountHandle,
    give_up: Option<(Instant, Duration)>,
    /// When this waiter first saw the callee stopped.
    stopped_at: Option<Instant>,
    busy: Arc<AtomicBool>,
    rearming: Arc<AtomicBool>,
}

impl Watch {
    fn new(link: &Link) -> Watch {
        Watch {
            tripwire: link.tripwire.clone(),
            account: link.account,
            give_up: link.deadline.map(|d| (Instant::now() + d, d)),
            stopped_at: None,
            busy: link.busy.clone(),
            rearming: link.rearming.clone(),
        }
    }

    /// One check: `Err` when the callee will never answer.
    fn tick(&mut self) -> Result<(), GuestError> {
        if self.account.frozen() {
            // Frozen in the allocator: it will never reply.
            return Err(self.tripwire.reason().unwrap_or(GuestError::Stopped));
        }
        if self.tripwire.is_tripped() {
            let since = *self.stopped_at.get_or_insert_with(Instant::now);
            if since.elapsed() >= STOP_GRACE {
                self.keep_rearming();
                return Err(self.tripwire.reason().unwrap_or(GuestError::Stopped));
            }
            // Another sandbox's thread may have swallowed the signal.
            self.tripwire.rearm();
        } else if let Some((at, limit)) = self.give_up {
            if Instant::now() >= at {
                self.tripwire.trip(GuestError::DeadlineExceeded { limit });
            }
        }
        Ok(())
    }

    /// The waiter answers without the stopped callee: one small thread per
    /// sandbox keeps re-sending the stop (another sandbox's thread may clear the
    /// interpreter's process-wide signal flag first) until the callee's call is
    /// over.
    fn keep_rearming(&self) {
        if self.rearming.swap(true, Ordering::SeqCst) {
            return;
        }
        let tripwire = self.tripwire.clone();
        let account = self.account;
        let busy = self.busy.clone();
        let rearming = self.rearming.clone();
        let spawned = std::thread::Builder::new()
            .name("pyocap-rearm".into())
            .stack_size(64 << 10)
            .spawn(move || {
                while busy.load(Ordering::SeqCst) && !account.frozen() {
                    tripwire.rearm();
                    std::thread::sleep(WATCH_TICK);
                }
                rearming.store(false, Ordering::SeqCst);
            });
        if spawned.is_err() {
            self.rearming.store(false, Ordering::SeqCst);
        }
    }

    /// The waiter leaves before the callee answered: a small thread keeps
    /// enforcing the callee's deadline until the call is done.
    fn hand_over(mut self, done: Arc<AtomicBool>) {
        if self.give_up.is_none() && !self.tripwire.is_tripped() {
            return;
        }
        let spawned = std::thread::Builder::new()
            .name("pyocap-watch".into())
            .stack_size(64 << 10)
            .spawn(move || {
                while !done.load(Ordering::SeqCst) && self.tick().is_ok() {
                    std::thread::sleep(WATCH_TICK);
                }
            });
        // Without a thread to spare, the callee stays bounded by whoever calls it
        // next and by being dropped.
        drop(spawned);
    }
}
