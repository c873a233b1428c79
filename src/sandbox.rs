//! [`Sandbox`]: the host's handle on one guest interpreter and its thread.

use crate::alloc::{accounting_active, AccountHandle};
use crate::caps::{CapError, CapHandle};
use crate::error::{ConfigError, GuestError};
use crate::guest::{Printed, Tripwire};
use crate::inbox::{self, Job, Link};
use crate::membrane;
use crate::policy::Policy;
use crate::runtime::Runtime;
use crate::sandbox_thread::GUEST_FILENAME;
use crate::value::{DataLimits, Value};
use parking_lot::Mutex;
use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};


/// One sandboxed guest: a Python interpreter on its own thread, with its own
/// built-in types, builtins and globals, governed by the [`Policy`] it was started
/// with. Globals persist from one call to the next.
///
/// The handle is `Send + Sync`; calls from several host threads are served one at
/// a time. Dropping it stops the guest (it cannot prevent that), revokes every
/// capability to its objects and returns; the thread tears the objects down and
/// is joined in the background by the runtime
/// ([`Runtime::wait_for_teardown`](crate::Runtime::wait_for_teardown)).
pub struct Sandbox {
    link: Arc<Link>,
    thread: Option<JoinHandle<()>>,
    /// What the guest printed, until a sink streams it ([`Sandbox::stream_output`]).
    printed: Mutex<Option<mpsc::Receiver<Printed>>>,
    /// A sender on the same channel, for flush markers; dropped at teardown.
    printed_tx: Option<mpsc::Sender<Printed>>,
    output: Arc<Mutex<String>>,
    stream: Mutex<Option<Stream>>,
    /// Whether `stream` is set (read on every call, without its lock).
    streaming: AtomicBool,
    data: DataLimits,
    runtime: Runtime,
}

impl Sandbox {
    pub(crate) fn start(runtime: Runtime, policy: Policy) -> Result<Sandbox, ConfigError> {
        if policy.max_memory.is_some() && !accounting_active() {
            return Err(ConfigError::MemoryAccountingUnavailable);
        }
        if policy.fuel.is_some() && !policy.fuel_metering {
            return Err(ConfigError::InvalidLimit(
                "a fuel budget needs fuel metering (Policy::fuel_metering)".into(),
            ));
        }
        let budget = policy.max_memory.unwrap_or(0);
        let account = match AccountHandle::open(budget) {
            Some(a) => Some(a),
            // Dropped sandboxes still tearing down hold their accounts until
            // their threads end: at the limit, wait for those first.
            None if runtime.pending_teardowns() > 0 => {
                runtime.wait_for_teardown(runtime.inner.config.drop_grace);
                AccountHandle::open(budget)
            }
            None => None,
        }
        .ok_or(ConfigError::TooManySandboxes)?;
        // The master module gets its runtime here, so the thread never
        // names the API layer.
        let master = policy.master.then(|| {
            let runtime = runtime.clone();
            crate::sandbox_thread::Extension {
                install: Box::new(move |vm| crate::master::install(vm, &runtime)),
                clear: crate::master::clear,
            }
        });
        let data = policy.data.clone();
        if policy.isolation == crate::policy::Isolation::Process {
            let spec = runtime.inner.config.worker_spec()?;
            let started = crate::process::spawn(&spec, policy, account)?;
            return Ok(Sandbox::from_started(started, data, runtime));
        }
        let started = crate::sandbox_thread::spawn(
            runtime.inner.config.stack_size,
            runtime.inner.config.hash_seed,
            runtime.inner.caps.clone(),
            policy,
            account,
            master,
        )?;
        Ok(Sandbox::from_started(started, data, runtime))
    }

    fn from_started(
        started: crate::sandbox_thread::Started,
        data: DataLimits,
        runtime: Runtime,
    ) -> Sandbox {
        Sandbox {
            link: started.link,
            thread: Some(started.thread),
            printed: Mutex::new(Some(started.printed)),
            printed_tx: Some(started.printed_tx),
            output: Arc::new(Mutex::new(String::new())),
            stream: Mutex::new(None),
            streaming: AtomicBool::new(false),
            data,
            runtime,
        }
    }
}

impl Sandbox {
    /// Unit tests only: runs `probe` on the sandbox thread (see [`Job::Native`]).
    #[cfg(test)]
    pub(crate) fn run_native(
        &self,
        probe: crate::sandbox_thread::NativeProbe,
    ) -> Result<Value, GuestError> {
        self.request(Job::Native(Box::new(probe)))
    }

    fn request(&self, job: Job) -> Result<Value, GuestError> {
        if inbox::current_sandbox() == Some(self.link.id) {
            // From a host function the guest itself called: the thread that would
            // serve this job is the one waiting for it.
            return Err(GuestError::Reentrant);
        }
        let started = Instant::now();
        let outcome = inbox::call(&self.link, job);
        self.flush_output(started);
        outcome
    }

    /// With a sink streaming the output, waits until it has been handed
    /// everything printed so far (the call's output is delivered before the
    /// call returns), but no longer than the call's deadline (counted from
    /// `started`), a stop or this thread's interrupt check allow: a slow sink
    /// never holds a call past them (the rest is delivered in the
    /// background).
    fn flush_output(&self, started: Instant) {
        if !self.streaming.load(Ordering::Acquire) {
            return;
        }
        let Some(tx) = &self.printed_tx else {
            return;
        };
        let (ack_tx, ack_rx) = mpsc::sync_channel(1);
        if tx.send(Printed::Flush(ack_tx)).is_err() {
            return;
        }
        loop {
            match ack_rx.recv_timeout(inbox::WATCH_TICK) {
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                // Handed over; or a sink that panicked has stopped, and its
                // thread dropped the marker.
                _ => return,
            }
            if self.link.tripwire.is_tripped()
                || self.link.deadline.is_some_and(|d| started.elapsed() >= d)
            {
                return;
            }
            if inbox::interrupt_requested() {
                self.link.tripwire.interrupt();
                return;
            }
        }
    }

    /// Streams what the guest prints to `sink`, as it is printed, from now on
    /// (what was printed before stays for [`Sandbox::take_output`]): each piece
    /// of text (a `print` call's, or what native code wrote) is handed over
    /// on a thread of its own, not the sandbox's, so the sink's work is not
    /// the guest's, and everything a call printed has been handed over by the
    /// time the call returns, unless the call's deadline passes or the sandbox
    /// is stopped first (a slow sink never holds a call past them; the rest
    /// is handed over in the background). The output budget ([`Policy::max_output`]) still
    /// applies. A second call replaces the sink. A sink that panics is dropped,
    /// and later output is kept for `take_output` again. After the sandbox is
    /// dropped, what the sink has not taken yet is delivered (and the sink
    /// dropped) in the background.
    pub fn stream_output<F: FnMut(&str) + Send + 'static>(&self, sink: F) {
        let mut stream = self.stream.lock();
        if let Some(stream) = stream.as_ref() {
            *stream.sink.lock() = Some(Box::new(sink));
            return;
        }
        let sink: SharedSink = Arc::new(Mutex::new(Some(Box::new(sink))));
        let (shared, output) = (sink.clone(), self.output.clone());
        // The thread gets the channel only once it runs: if it cannot be
        // spawned, the output stays for `take_output`.
        let (hand_over, handed) = mpsc::sync_channel::<mpsc::Receiver<Printed>>(1);
        let thread = std::thread::Builder::new()
            .name("pyocap-output".into())
            .spawn(move || {
                crate::teardown::mark_runtime_thread();
                let Ok(printed) = handed.recv() else {
                    return;
                };
                for piece in printed {
                    match piece {
                        Printed::Text(text) => deliver(&shared, &output, &text),
                        Printed::Flush(ack) => {
                            let _ = ack.send(());
                        }
                    }
                }
            });
        let Ok(thread) = thread else {
            return;
        };
        let Some(printed) = self.printed.lock().take() else {
            return; // the thread ends when `hand_over` drops
        };
        // What earlier calls printed stays for `take_output`.
        drain(&printed, &mut self.output.lock());
        let _ = hand_over.send(printed);
        *stream = Some(Stream {
            sink,
            thread: Some(thread),
        });
        self.streaming.store(true, Ordering::Release);
    }

    /// Like [`Sandbox::stream_output`], writing to `writer` (flushed after each
    /// piece). Write errors are ignored: the guest's output is not the
    /// guest's to fail on.
    pub fn stream_output_to<W: std::io::Write + Send + 'static>(&self, mut writer: W) {
        self.stream_output(move |text| {
            let _ = writer.write_all(text.as_bytes());
            let _ = writer.flush();
        });
    }

    /// Bytes of memory the guest holds now (everything allocated on its thread and
    /// not yet freed, including its interpreter). Zero unless
    /// [`CountingAllocator`](crate::CountingAllocator) is the global allocator.
    /// In a worker process ([`Isolation::Process`](crate::Isolation::Process)):
    /// what the worker reported at the end of the last call.
    pub fn memory_used(&self) -> usize {
        match self.worker_pid() {
            Some(_) => self.link.remote.memory_used.load(Ordering::SeqCst) as usize,
            None => self.link.account.live(),
        }
    }

    /// The most memory the guest has held at once.
    pub fn memory_peak(&self) -> usize {
        match self.worker_pid() {
            Some(_) => self.link.remote.memory_peak.load(Ordering::SeqCst) as usize,
            None => self.link.account.peak(),
        }
    }

    /// The process id of the sandbox's worker process, for a sandbox isolated
    /// in one ([`Isolation::Process`](crate::Isolation::Process)); `None` for
    /// one in this process.
    pub fn worker_pid(&self) -> Option<u32> {
        match self.link.remote.pid.load(Ordering::SeqCst) {
            0 => None,
            pid => Some(pid),
        }
    }

    /// Runs statements in the guest's global namespace.
    pub fn exec(&self, source: &str) -> Result<(), GuestError> {
        self.exec_named(source, GUEST_FILENAME)
    }

    /// Like [`Sandbox::exec`], with the file name the guest's tracebacks show.
    pub fn exec_named(&self, source: &str, filename: &str) -> Result<(), GuestError> {
        self.request(Job::Exec {
            source: source.to_owned(),
            filename: filename.to_owned(),
        })
        .map(drop)
    }

    /// Evaluates one expression in the guest's global namespace and copies its
    /// value out. A result that is not data (a function, an instance) comes out
    /// as a [`Value::Cap`]: the object stays in the guest, and the host (or
    /// another sandbox it is handed to) uses it through that capability.
    pub fn eval(&self, expr: &str) -> Result<Value, GuestError> {
        self.request(Job::Eval {
            source: expr.to_owned(),
        })
    }

    /// Compiles statements once, for [`Sandbox::run`] here or in any other
    /// sandbox of the process whose policy meters fuel the same way: parsed,
    /// bounded and instrumented by the same pipeline as [`Sandbox::exec`]
    /// (on this sandbox's thread, under its source bounds and memory budget),
    /// not run. The result is copied out to the caller's memory (the host's,
    /// or, called from a sandbox's thread, that sandbox's), so a `Code` never
    /// counts against the sandbox that compiled it. It is a call like any
    /// other: [`Sandbox::fuel`] then reads the compile (no fuel).
    pub fn compile(&self, source: &str) -> Result<Code, GuestError> {
        self.compile_as(source, &compiled_filename(), false)
    }

    /// [`Sandbox::compile`] of one expression: [`Sandbox::run`] gives its value,
    /// as [`Sandbox::eval`] does.
    pub fn compile_eval(&self, expr: &str) -> Result<Code, GuestError> {
        self.compile_as(expr, &compiled_filename(), true)
    }

    fn compile_as(&self, source: &str, filename: &str, eval: bool) -> Result<Code, GuestError> {
        let (into, compiled) = mpsc::sync_channel(1);
        self.request(Job::Compile {
            source: source.to_owned(),
            filename: filename.to_owned(),
            eval,
            into,
        })?;
        let made = compiled.try_recv().map_err(|_| GuestError::Stopped)?;
        // A copy made here, in the caller's memory: the one made on the
        // sandbox's thread is charged to its budget, and is freed (credited
        // back) now.
        let compiled = Arc::new((*made).clone());
        drop(made);
        Ok(Code {
            compiled,
            source: source.into(),
            filename: filename.into(),
        })
    }

    /// Runs `code` in this sandbox's global namespace, as [`Sandbox::exec`]
    /// (giving `Value::None`) or [`Sandbox::eval`] (giving the value) would
    /// run its source, without compiling it again. Its source is checked
    /// against this sandbox's bounds first. Code compiled under another fuel
    /// metering is refused ([`GuestError::CodeMismatch`]): without ticks it
    /// would run unmetered.
    pub fn run(&self, code: &Code) -> Result<Value, GuestError> {
        self.request(Job::RunCode {
            code: code.compiled.clone(),
            source: code.source.clone(),
            filename: code.filename.clone(),
        })
    }

    /// Calls the guest's global `name` with copies of `args` and copies the result
    /// out (as [`Sandbox::eval`] does).
    pub fn call(&self, name: &str, args: &[Value]) -> Result<Value, GuestError> {
        let args = args.to_vec();
        membrane::check_host_value(&Value::Tuple(args.clone()), &self.data)?;
        self.request(Job::Call {
            name: name.to_owned(),
            args,
        })
    }

    /// A capability to the guest object `expr` evaluates to, with exactly
    /// `filter` (the host owns the sandbox, so it may choose any filter, even one
    /// passing `_` names). Fails with
    /// [`CrossingError::NotData`](crate::CrossingError::NotData) if the value is
    /// data or an object of another sandbox or of the host.
    pub fn export(&self, expr: &str, filter: crate::Filter) -> Result<CapHandle, GuestError> {
        let value = self.eval(expr)?;
        match value {
            Value::Cap(c) if c.owner_sandbox() == Some(self.link.id) => {
                Ok(c.table.reroot(c.key, filter)?)
            }
            other => Err(crate::CrossingError::NotData {
                type_name: other.type_name().to_owned(),
            }
            .into()),
        }
    }

    /// Binds a copy of `value` to the guest's global `name`.
    pub fn set_global(&self, name: &str, value: Value) -> Result<(), GuestError> {
        membrane::check_host_value(&value, &self.data)?;
        self.request(Job::SetGlobal {
            name: name.to_owned(),
            value,
        })
        .map(drop)
    }

    /// Binds a proxy of `cap` to the guest's global `name`. The guest reaches the
    /// object only through the proxy, within the capability's filter; granting the
    /// same capability twice gives the guest the same proxy.
    pub fn grant(&self, name: &str, cap: &CapHandle) -> Result<(), GuestError> {
        if cap.table.id() != self.runtime.inner.caps.id() {
            return Err(CapError::WrongRuntime.into());
        }
        if cap.is_revoked() {
            return Err(CapError::Revoked.into());
        }
        crate::caps::audit::change(
            "grant",
            crate::caps::Party::Sandbox(self.link.id),
            || cap.label(),
            name,
        );
        self.request(Job::Grant {
            name: name.to_owned(),
            cap: cap.clone(),
        })
        .map(drop)
    }

    /// Binds a sealed, read-only view of a copy of `entries` (a [`Value::Dict`]) to
    /// the guest's global `name`: lookups, `in`, `len`, iteration, `get`, `keys`,
    /// `values`, `items` and `copy`, no mutation, and no way to reach the dict
    /// behind it.
    pub fn grant_mapping(&self, name: &str, entries: Value) -> Result<(), GuestError> {
        if !matches!(entries, Value::Dict(_)) {
            return Err(crate::CrossingError::NotData {
                type_name: entries.type_name().into(),
            }
            .into());
        }
        membrane::check_host_value(&entries, &self.data)?;
        crate::caps::audit::change(
            "grant_mapping",
            crate::caps::Party::Sandbox(self.link.id),
            String::new,
            name,
        );
        self.request(Job::GrantMapping {
            name: name.to_owned(),
            entries,
        })
        .map(drop)
    }

    /// Revokes every capability this sandbox was ever given (granted, returned
    /// to it by a host method, or passed to it by another sandbox), at once. The
    /// host's own handles stay valid.
    pub fn revoke_all(&self) {
        crate::caps::audit::change(
            "revoke_all",
            crate::caps::Party::Sandbox(self.link.id),
            String::new,
            "",
        );
        self.runtime.inner.caps.revoke_membrane(self.link.id);
    }

    /// Takes what the guest has printed since the last call of this method
    /// (including what it printed while serving calls into its objects).
    pub fn take_output(&self) -> String {
        let mut output = self.output.lock();
        if let Some(printed) = self.printed.try_lock() {
            if let Some(printed) = printed.as_ref() {
                drain(printed, &mut output);
            }
        }
        std::mem::take(&mut *output)
    }

    /// Sets the fuel of each following call (`exec`, `eval`, `call`, and calls
    /// into objects this sandbox handed out), in the units of
    /// [`Policy::fuel`]; `None` makes them unmetered. Takes effect at the next
    /// call. Fails with [`ConfigError::InvalidLimit`] if the sandbox's policy
    /// turned [`Policy::fuel_metering`] off.
    pub fn set_fuel(&self, units: Option<u64>) -> Result<(), ConfigError> {
        if units.is_some() && !self.link.fuel_metering {
            return Err(ConfigError::InvalidLimit(
                "this sandbox was started without fuel metering".into(),
            ));
        }
        self.link
            .fuel_budget
            .store(units.unwrap_or(u64::MAX), Ordering::SeqCst);
        Ok(())
    }

    /// The fuel the last finished call used, and what it had left.
    pub fn fuel(&self) -> FuelReading {
        let left = self.link.fuel_left.load(Ordering::SeqCst);
        FuelReading {
            consumed: self.link.fuel_used.load(Ordering::SeqCst),
            remaining: (left != u64::MAX).then_some(left),
        }
    }

    /// Fuel readings as a fresh sandbox has them (the pool's jobs are not the
    /// tenant's).
    pub(crate) fn reset_readings(&self) {
        self.link.fuel_used.store(0, Ordering::SeqCst);
        self.link.fuel_left.store(u64::MAX, Ordering::SeqCst);
    }

    /// This sandbox's id, unique in the process: the `sandbox N` of the audit
    /// log and of [`Runtime::capability_graph`](crate::Runtime::capability_graph).
    pub fn id(&self) -> u64 {
        self.link.id
    }

    /// Why the sandbox was stopped, if it was (a tripped limit, an interpreter
    /// failure). A stopped sandbox fails every call with this error.
    pub fn stopped(&self) -> Option<GuestError> {
        self.link.tripwire.reason()
    }

    /// A handle that stops this sandbox from any thread, while a call is running
    /// or not. See [`StopHandle`].
    pub fn stop_handle(&self) -> StopHandle {
        StopHandle {
            tripwire: self.link.tripwire.clone(),
            busy: self.link.busy.clone(),
            account: self.link.account,
            grace: self.runtime.inner.config.drop_grace,
        }
    }

    /// The runtime this sandbox belongs to.
    pub fn runtime(&self) -> &Runtime {
        &self.runtime
    }
}

impl fmt::Debug for Sandbox {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sandbox")
            .field("stopped", &self.link.tripwire.is_tripped())
            .finish_non_exhaustive()
    }
}

/// The file name a compiled `Code`'s tracebacks show: one per `Code`, so the
/// lines of one are never shown for another's.
fn compiled_filename() -> String {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    format!("<compiled {}>", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// Guest code compiled once ([`Sandbox::compile`], [`Sandbox::compile_eval`])
/// and run by [`Sandbox::run`] as often as wanted, in any sandbox of the
/// process. It is plain data until a sandbox loads it: no object of the
/// sandbox that compiled it is in it, nor any of its memory, so running it
/// elsewhere shares nothing. Its tracebacks name it `<compiled N>`.
/// Cheap to clone, `Send + Sync`.
#[derive(Clone)]
pub struct Code {
    compiled: Arc<crate::guest::Compiled>,
    source: Arc<str>,
    filename: Arc<str>,
}

impl Code {
    /// The source it was compiled from.
    pub fn source(&self) -> &str {
        &self.source
    }
}

impl fmt::Debug for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Code")
            .field("filename", &self.filename)
            .field("bytes", &self.source.len())
            .field("expression", &self.compiled.eval)
            .field("fuel_ticks", &self.compiled.instrumented)
            .finish()
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        // Stop whatever the guest is doing (and any finalizer it would run at
        // teardown). Every capability to its objects, and every one it held,
        // dies with it.
        self.link.tripwire.trip(GuestError::Stopped);
        let caps = &self.runtime.inner.caps;
        caps.revoke_owner(self.link.id);
        caps.revoke_membrane(self.link.id);
        let reaper = &self.runtime.inner.reaper;
        let Some(thread) = self.thread.take() else {
            self.link.shut_down();
            return;
        };
        // A teardown slot before the teardown starts (SPEC §6): a host thread
        // waits for one; a thread the runtime runs (a master dropping its
        // slaves, an output sink) never does, since what it would wait for
        // may be itself.
        let may_wait =
            inbox::current_sandbox().is_none() && !crate::teardown::on_runtime_thread();
        reaper.reserve(may_wait);
        // Ask the thread to leave its loop. It ends by itself once it has torn
        // its interpreter down; this sender going lets the output thread end
        // with it.
        self.link.shut_down();
        self.printed_tx = None;
        let output = self.stream.lock().take().and_then(|mut s| s.thread.take());
        let thread = if thread.is_finished() {
            let _ = thread.join();
            reaper.release();
            if output.is_none() {
                return;
            }
            None
        } else {
            Some(thread)
        };
        // The teardown (a few milliseconds) and the output thread are waited
        // for by the runtime's reaper, not by the caller.
        reaper.adopt(crate::teardown::Pending {
            thread,
            link: self.link.clone(),
            dropped: Instant::now(),
            grace: self.runtime.inner.config.drop_grace,
            output,
        });
    }
}

/// Moves the text waiting in `printed` to `into`.
fn drain(printed: &mpsc::Receiver<Printed>, into: &mut String) {
    while let Ok(piece) = printed.try_recv() {
        if let Printed::Text(text) = piece {
            into.push_str(&text);
        }
    }
}

/// A sink for streamed output; `None` once it has panicked.
type SharedSink = Arc<Mutex<Option<Box<dyn FnMut(&str) + Send>>>>;

/// The thread handing the guest's output to a sink.
struct Stream {
    sink: SharedSink,
    thread: Option<JoinHandle<()>>,
}

/// Hands `text` to the sink, or keeps it for `take_output` if there is none
/// (any more).
fn deliver(sink: &SharedSink, output: &Mutex<String>, text: &str) {
    let mut guard = sink.lock();
    let Some(f) = guard.as_mut() else {
        output.lock().push_str(text);
        return;
    };
    if std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(text))).is_err() {
        *guard = None;
        output.lock().push_str(text);
    }
}

/// What one call into a sandbox used of its fuel ([`Sandbox::fuel`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FuelReading {
    /// Units the call used (also counted when the call was unmetered).
    pub consumed: u64,
    /// Units it had left, or `None` if it was unmetered. Zero after
    /// [`GuestError::FuelExhausted`].
    pub remaining: Option<u64>,
}

/// Runs `f` with `check` as this thread's interrupt check: while this (host)
/// thread waits inside `f` for a sandbox (an `exec`, `eval`, `call`, a
/// capability call into a guest object), it calls `check` about every 20 ms,
/// and when `check` returns true the sandbox it waits for is stopped, as by
/// [`StopHandle::stop`]: the wait ends with [`GuestError::Stopped`]. So is
/// every sandbox it waits for in turn on its behalf (its guest's call into
/// another sandbox's object, or host code on its thread waiting for another
/// sandbox): the whole nested wait ends, where a deadline or a
/// [`StopHandle::stop`] of the first sandbox leaves its callee running to the
/// callee's own deadline. A host
/// binding answers its language's interrupts this way (the CPython package
/// runs CPython's signal handlers in `check`, so Ctrl-C stops a running
/// guest). `check` is not called on a sandbox's own thread.
///
/// ```
/// # #[global_allocator]
/// # static ALLOC: pyocap::CountingAllocator = pyocap::CountingAllocator::new();
/// use pyocap::{GuestError, Policy, Runtime};
/// use std::time::{Duration, Instant};
///
/// let sandbox = Runtime::default().sandbox(&Policy::new())?;
/// let start = Instant::now();
/// let ended = pyocap::interruptible(
///     move || start.elapsed() > Duration::from_millis(100),
///     || sandbox.exec("while True: pass"),
/// );
/// assert!(matches!(ended, Err(GuestError::Stopped)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn interruptible<R>(check: impl FnMut() -> bool + 'static, f: impl FnOnce() -> R) -> R {
    crate::inbox::interruptible(Box::new(check), f)
}

/// Stops a [`Sandbox`] from another thread: the call it is running (if any) ends
/// with [`GuestError::Stopped`], and so does every later call. The guest cannot
/// prevent it: `except`, `finally`, `__exit__` and `__del__` do not run to
/// completion once it is stopped. Cheap to clone, `Send + Sync`.
#[derive(Clone)]
pub struct StopHandle {
    tripwire: Tripwire,
    busy: Arc<AtomicBool>,
    account: AccountHandle,
    grace: Duration,
}

impl StopHandle {
    /// Stops the sandbox and waits (up to the runtime's drop grace) until the call
    /// it was running, if any, has ended. Returns whether it has.
    pub fn stop(&self) -> bool {
        self.tripwire.trip(GuestError::Stopped);
        let give_up = Instant::now() + self.grace;
        while self.busy.load(Ordering::SeqCst) {
            if Instant::now() > give_up || self.account.frozen() {
                return false;
            }
            self.tripwire.rearm();
            std::thread::sleep(Duration::from_micros(200));
        }
        true
    }
}

impl fmt::Debug for StopHandle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StopHandle").finish_non_exhaustive()
    }
}

