//! [`Sandbox`]: the host's handle on one guest interpreter and its thread.

use crate::alloc::{accounting_active, AccountHandle};
use crate::config::Runtime;
use crate::error::{ConfigError, GuestError};
use crate::guest::{self, check_source, SourceKind, Tripwire};
use crate::link::{self, Job, Link};
use crate::policy::Policy;
use crate::caps::{CapError, CapHandle};
use crate::membrane::proxy;
use crate::membrane::{self, from_guest, to_guest, wrap_exception, SourceCache};
use crate::value::{DataLimits, Value};
use parking_lot::Mutex;
use rustpython_vm::builtins::PyDictRef;
use rustpython_vm::compiler::{CompileError, Mode};
use rustpython_vm::scope::Scope;
use rustpython_vm::signal::user_signal_channel;
use rustpython_vm::{Interpreter, PyObjectRef, VirtualMachine};
use std::cell::RefCell;
use std::fmt;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

static NEXT_SANDBOX: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// The file name guest tracebacks show for source passed to [`Sandbox::exec`] and
/// [`Sandbox::eval`].
pub const GUEST_FILENAME: &str = "<guest>";

/// One sandboxed guest: a Python interpreter on its own thread, with its own
/// built-in types, builtins and globals, governed by the [`Policy`] it was started
/// with. Globals persist from one call to the next.
///
/// The handle is `Send + Sync`; calls from several host threads are served one at
/// a time. Dropping it stops the guest (it cannot prevent that), tears its objects
/// down on its own thread, revokes every capability to them and joins the thread.
pub struct Sandbox {
    link: Arc<Link>,
    thread: Option<JoinHandle<()>>,
    printed: Mutex<mpsc::Receiver<String>>,
    output: Mutex<String>,
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
        let account = AccountHandle::open(policy.max_memory.unwrap_or(0))
            .ok_or(ConfigError::TooManySandboxes)?;
        let id = NEXT_SANDBOX.fetch_add(1, Ordering::Relaxed);
        let (signal_tx, signal_rx) = user_signal_channel();
        let tripwire = Tripwire::new(signal_tx);
        let (link, inbox_tx, inbox_rx) = Link::new(id, tripwire, account, &policy);
        let (ready_tx, ready_rx) = mpsc::sync_channel(1);
        let (printed_tx, printed_rx) = mpsc::channel();
        let config = runtime.inner.config.clone();
        let data = policy.data.clone();
        let thread_link = link.clone();
        let thread_runtime = runtime.clone();
        let thread = std::thread::Builder::new()
            .name("pyocap-sandbox".into())
            .stack_size(config.stack_size)
            .spawn(move || {
                // Everything this thread allocates from here on is the guest's.
                thread_link.tripwire.register_on_this_thread();
                account.attach(guest::memory_tripped);
                let sources = Rc::new(RefCell::new(SourceCache::default()));
                link::attach(id, inbox_tx, inbox_rx, thread_link.tripwire.clone());
                run_sandbox_thread(
                    policy,
                    thread_runtime,
                    thread_link,
                    sources,
                    signal_rx,
                    ready_tx,
                    printed_tx,
                );
                link::detach();
                AccountHandle::detach();
                account.close();
            })
            .map_err(|e| {
                account.close();
                ConfigError::Spawn(e)
            })?;
        let ready = loop {
            match ready_rx.recv_timeout(link::WATCH_TICK) {
                Err(mpsc::RecvTimeoutError::Timeout) if account.frozen() => {
                    return Err(ConfigError::Init(
                        "the interpreter does not fit in the memory budget".into(),
                    ));
                }
                Err(mpsc::RecvTimeoutError::Timeout) => continue,
                Ok(r) => break Ok(r),
                Err(mpsc::RecvTimeoutError::Disconnected) => break Err(()),
            }
        };
        match ready {
            Ok(Ok(())) => Ok(Sandbox {
                link,
                thread: Some(thread),
                printed: Mutex::new(printed_rx),
                output: Mutex::new(String::new()),
                data,
                runtime,
            }),
            Ok(Err(e)) => {
                let _ = thread.join();
                Err(e)
            }
            Err(()) => {
                let _ = thread.join();
                Err(ConfigError::Init(
                    "the sandbox thread ended during start-up".into(),
                ))
            }
        }
    }
}

/// The body of a sandbox thread: start the interpreter, serve jobs, tear down.
fn run_sandbox_thread(
    policy: Policy,
    runtime: Runtime,
    link: Arc<Link>,
    sources: Rc<RefCell<SourceCache>>,
    signal_rx: rustpython_vm::signal::UserSignalReceiver,
    ready_tx: mpsc::SyncSender<Result<(), ConfigError>>,
    printed: mpsc::Sender<String>,
) {
    let busy = link.busy.clone();
    let started = catch_unwind(AssertUnwindSafe(|| {
        Guest::start(&policy, &runtime, link, sources, signal_rx)
    }));
    let guest = match started {
        Ok(Ok(guest)) => Rc::new(guest),
        Ok(Err(e)) => {
            let _ = ready_tx.send(Err(e));
            return;
        }
        Err(panic) => {
            let _ = ready_tx.send(Err(ConfigError::Init(panic_message(&*panic))));
            return;
        }
    };
    guest::set_output_sink(printed.clone());
    let _ = ready_tx.send(Ok(()));
    let server = guest.clone();
    link::serve_nested_with(Rc::new(move |job| server.run(job)));
    while let Some(request) = link::next_request() {
        busy.store(true, Ordering::SeqCst);
        let (job, reply) = request.split();
        let outcome = guest.run(job);
        busy.store(false, Ordering::SeqCst);
        let output = guest::take_output();
        if !output.is_empty() {
            let _ = printed.send(output);
        }
        reply.send(outcome);
    }
    link::serve_nested_with(Rc::new(|_| Err(GuestError::Stopped)));
    if let Ok(guest) = Rc::try_unwrap(guest) {
        guest.shutdown();
    }
}

impl Sandbox {
    /// Unit tests only: runs `probe` on the sandbox thread (see [`Job::Native`]).
    #[cfg(test)]
    pub(crate) fn run_native(&self, probe: link::NativeProbe) -> Result<Value, GuestError> {
        self.request(Job::Native(probe))
    }

    fn request(&self, job: Job) -> Result<Value, GuestError> {
        if link::current_sandbox() == Some(self.link.id) {
            // From a host function the guest itself called: the thread that would
            // serve this job is the one waiting for it.
            return Err(GuestError::Reentrant);
        }
        link::call(&self.link, job)
    }

    /// Bytes of memory the guest holds now (everything allocated on its thread and
    /// not yet freed, including its interpreter). Zero unless
    /// [`CountingAllocator`](crate::CountingAllocator) is the global allocator.
    pub fn memory_used(&self) -> usize {
        self.link.account.live()
    }

    /// The most memory the guest has held at once.
    pub fn memory_peak(&self) -> usize {
        self.link.account.peak()
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
        self.runtime.inner.caps.revoke_membrane(self.link.id);
    }

    /// Takes what the guest has printed since the last call of this method
    /// (including what it printed while serving calls into its objects).
    pub fn take_output(&self) -> String {
        let mut output = self.output.lock();
        if let Some(printed) = self.printed.try_lock() {
            while let Ok(s) = printed.try_recv() {
                output.push_str(&s);
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

impl Drop for Sandbox {
    fn drop(&mut self) {
        // Stop whatever the guest is doing (and any finalizer it would run at
        // teardown), then ask the thread to leave its loop. Every capability to
        // its objects, and every one it held, dies with it.
        self.link.tripwire.trip(GuestError::Stopped);
        self.link.shut_down();
        let caps = &self.runtime.inner.caps;
        caps.revoke_owner(self.link.id);
        caps.revoke_membrane(self.link.id);
        let Some(thread) = self.thread.take() else {
            return;
        };
        let give_up = Instant::now() + self.runtime.inner.config.drop_grace;
        while !thread.is_finished() {
            if Instant::now() > give_up || self.link.account.frozen() {
                // Busy in a native operation that never checks for interrupts: the
                // thread ends by itself as soon as it is back in the interpreter.
                return;
            }
            self.link.tripwire.rearm();
            std::thread::sleep(Duration::from_micros(200));
        }
        let _ = thread.join();
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

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into())
}

/// The sandbox thread's side: the interpreter and the guest's namespace.
struct Guest {
    interp: Option<Interpreter>,
    globals: Option<PyDictRef>,
    policy: Policy,
    sources: Rc<RefCell<SourceCache>>,
    tripwire: Tripwire,
    poisoned: std::cell::Cell<bool>,
    link: Arc<Link>,
    /// Jobs in progress on this thread (nested ones are served inside a call).
    depth: std::cell::Cell<u32>,
}

impl Guest {
    fn start(
        policy: &Policy,
        runtime: &Runtime,
        link: Arc<Link>,
        sources: Rc<RefCell<SourceCache>>,
        signal_rx: rustpython_vm::signal::UserSignalReceiver,
    ) -> Result<Guest, ConfigError> {
        let tripwire = link.tripwire.clone();
        let own_link = link.clone();
        let mut settings = rustpython_vm::Settings::default();
        settings.hash_seed = Some(runtime.inner.config.hash_seed);
        settings.isolated = true;
        settings.ignore_environment = true;
        settings.import_site = false;
        settings.allow_external_library = false;
        settings.install_signal_handlers = false;
        settings.user_site_directory = false;
        settings.path_list.clear();
        let builder = Interpreter::builder(settings);
        let defs = rustpython_stdlib::stdlib_module_defs(&builder.ctx);
        let interp = builder
            .add_native_modules(&defs)
            .init_hook(move |vm| vm.set_user_signal_channel(signal_rx))
            .build();
        let globals = interp
            .enter(|vm| {
                guest::install(vm, policy, tripwire.clone(), |vm| {
                    proxy::install(vm, runtime.inner.caps.clone(), link, policy.data.clone())?;
                    if policy.master {
                        crate::master::install(vm, runtime)?;
                    }
                    Ok(())
                })
            })
            .map_err(|_| ConfigError::Init("setting up the guest environment failed".into()))?;
        Ok(Guest {
            interp: Some(interp),
            globals: Some(globals),
            policy: policy.clone(),
            sources,
            tripwire,
            poisoned: std::cell::Cell::new(false),
            link: own_link,
            depth: std::cell::Cell::new(0),
        })
    }

    fn run(&self, job: Job) -> Result<Value, GuestError> {
        if let Some(reason) = self.tripwire.reason() {
            return Err(reason);
        }
        // A call from the host (or another sandbox) gets the fuel budget; a job
        // served inside one (a callback) runs on that call's fuel.
        let top = self.depth.get() == 0;
        if top {
            let budget = self.link.fuel_budget.load(Ordering::SeqCst);
            guest::refuel((budget != u64::MAX).then_some(budget));
        }
        self.depth.set(self.depth.get() + 1);
        let outcome = catch_unwind(AssertUnwindSafe(|| self.run_job(job)));
        self.depth.set(self.depth.get() - 1);
        if top {
            let (used, left) = guest::reading();
            self.link.fuel_used.store(used, Ordering::SeqCst);
            self.link
                .fuel_left
                .store(left.unwrap_or(u64::MAX), Ordering::SeqCst);
        }
        let result = match outcome {
            Ok(result) => result,
            Err(panic) => {
                self.poisoned.set(true);
                let error = GuestError::InterpreterPanic {
                    reason: panic_message(&*panic),
                };
                self.tripwire.trip(error.clone());
                return Err(error);
            }
        };
        // A limit tripped during the call outranks whatever the call returned
        // (a crossing of the memory budget is settled now, at its end).
        guest::settle_memory();
        match self.tripwire.reason() {
            Some(reason) => Err(reason),
            None => result,
        }
    }

    fn run_job(&self, job: Job) -> Result<Value, GuestError> {
        let (Some(interp), Some(globals)) = (&self.interp, &self.globals) else {
            return Err(GuestError::Stopped);
        };
        let policy = &self.policy;
        let sources = &self.sources;
        let tripwire = &self.tripwire;
        interp.enter(|vm| {
            let fail = |exc: rustpython_vm::builtins::PyBaseExceptionRef,
                        sources: &RefCell<SourceCache>| {
                // A size check's `MemoryError` that the guest did not handle: it
                // ran out of memory, which is terminal like crossing the budget.
                if guest::is_refusal(rustpython_vm::AsObject::as_object(&exc)) {
                    tripwire.trip(GuestError::MemoryLimit {
                        limit: policy.max_memory.unwrap_or(0),
                    });
                }
                // Once stopped, no guest code runs: not even `__str__`.
                tripwire
                    .reason()
                    .unwrap_or_else(|| wrap_exception(vm, &exc, &sources.borrow()))
            };
            let result = (|| match job {
                Job::Invoke { export, op } => {
                    proxy::serve_invoke(vm, export, op, &sources.borrow(), tripwire)
                }
                Job::Exec { source, filename } => {
                    check_source(
                        &source,
                        SourceKind::Statements,
                        policy.max_source_bytes,
                        policy.max_source_nesting,
                    )?;
                    sources.borrow_mut().remember(&filename, &source);
                    let code = guest::compile(
                        vm,
                        &source,
                        Mode::Exec,
                        &filename,
                        policy.fuel_metering,
                    )
                    .map_err(syntax_error)?;
                    let scope = Scope::with_builtins(None, globals.clone(), vm);
                    vm.run_code_obj(code, scope).map_err(|e| fail(e, sources))?;
                    Ok(Value::None)
                }
                Job::Eval { source } => {
                    check_source(
                        &source,
                        SourceKind::Expression,
                        policy.max_source_bytes,
                        policy.max_source_nesting,
                    )?;
                    sources.borrow_mut().remember(GUEST_FILENAME, &source);
                    let code = guest::compile(
                        vm,
                        &source,
                        Mode::Eval,
                        GUEST_FILENAME,
                        policy.fuel_metering,
                    )
                    .map_err(syntax_error)?;
                    let scope = Scope::with_builtins(None, globals.clone(), vm);
                    let result = vm.run_code_obj(code, scope).map_err(|e| fail(e, sources))?;
                    Ok(from_guest(&result, vm, &policy.data)?)
                }
                Job::Call { name, args } => {
                    let func = match globals.get_item_opt(name.as_str(), vm) {
                        Ok(Some(f)) => f,
                        Ok(None) => {
                            return Err(fail(
                                vm.new_name_error(
                                    format!("name '{name}' is not defined"),
                                    vm.ctx.new_str(name.as_str()),
                                ),
                                sources,
                            ))
                        }
                        Err(e) => return Err(fail(e, sources)),
                    };
                    let args: Vec<PyObjectRef> = args
                        .iter()
                        .map(|a| to_guest(a, vm))
                        .collect::<Result<_, _>>()?;
                    let result = func.call(args, vm).map_err(|e| fail(e, sources))?;
                    Ok(from_guest(&result, vm, &policy.data)?)
                }
                Job::Grant { name, cap } => {
                    let proxy = proxy::proxy_for(&cap, vm).map_err(|e| fail(e, sources))?;
                    globals
                        .set_item(name.as_str(), proxy, vm)
                        .map_err(|e| fail(e, sources))?;
                    Ok(Value::None)
                }
                Job::GrantMapping { name, entries } => {
                    let dict = to_guest(&entries, vm)?
                        .downcast::<rustpython_vm::builtins::PyDict>()
                        .map_err(|_| {
                            GuestError::Crossing(crate::CrossingError::NotData {
                                type_name: "mapping".into(),
                            })
                        })?;
                    let view = guest::sealed_view(dict, vm);
                    globals
                        .set_item(name.as_str(), view, vm)
                        .map_err(|e| fail(e, sources))?;
                    Ok(Value::None)
                }
                #[cfg(test)]
                Job::Native(probe) => {
                    probe(vm, globals).map_err(|e| fail(e, sources))?;
                    Ok(Value::None)
                }
                Job::SetGlobal { name, value } => {
                    let value = to_guest(&value, vm)?;
                    globals
                        .set_item(name.as_str(), value, vm)
                        .map_err(|e| fail(e, sources))?;
                    Ok(Value::None)
                }
            })();
            // The objects the call dropped last are finalized before it returns.
            guest::safe_point(vm);
            result
        })
    }

    /// Tears the guest down on this thread: its objects are dropped here, with
    /// this thread's large stack, and reference cycles are collected.
    fn shutdown(mut self) {
        let interp = self.interp.take();
        let globals = self.globals.take();
        if self.poisoned.get() {
            // The interpreter panicked mid-operation; its state may be
            // inconsistent, and a second panic while dropping it would abort the
            // process. Leak it instead.
            std::mem::forget(globals);
            std::mem::forget(interp);
            guest::leak();
            return;
        }
        let Some(interp) = interp else { return };
        let stopped = self.tripwire.is_tripped();
        // Contained either way: after a panic here nothing more can be freed safely.
        let _ = catch_unwind(AssertUnwindSafe(move || {
            interp.enter(|vm: &VirtualMachine| {
                if stopped {
                    // No guest code (not even a `__del__`) runs after a stop.
                    guest::install_stop(vm);
                }
                // No finalizer runs at teardown; the queued objects go first.
                guest::release_finalizers();
                // Every guest object the runtime holds goes inside the VM.
                if let Some(globals) = globals {
                    globals.clear();
                }
                crate::master::clear();
                proxy::clear();
                guest::release();
                release_freelists(&vm.ctx);
            });
            interp.finalize(None);
            // What the interpreter's own teardown freed went to the freelists too.
            rustpython_vm::gc_state::gc_state().disable();
            release_freelists(rustpython_vm::Context::genesis());
        }));
    }
}

/// How many dead objects of each kind RustPython keeps per thread for reuse
/// (its `MAX_FREELIST`s for `list`, `dict` and `int`), with room to spare.
const FREELIST_FLUSH: usize = 128;

/// Gives back what RustPython's per-thread freelists hold. A dead `list`,
/// `dict` or `int` is kept for reuse with its payload's buffer (a list keeps
/// the capacity of its items, a dict its table, an int its digits), and when
/// the thread ends the freelist frees only the object, never that buffer: a
/// host running guests one after another leaked every large list or dict a
/// guest left behind (405 MB after 8 guests of 40 MB). Taking every entry out
/// again, by making objects of each kind, drops the old payloads properly;
/// the new ones go back empty.
fn release_freelists(ctx: &rustpython_vm::Context) {
    let big = malachite_bigint::BigInt::from(1u64 << 62) * malachite_bigint::BigInt::from(4);
    let mut made: Vec<PyObjectRef> = Vec::with_capacity(3 * FREELIST_FLUSH);
    for _ in 0..FREELIST_FLUSH {
        made.push(ctx.new_list(Vec::new()).into());
        made.push(ctx.new_dict().into());
        made.push(ctx.new_bigint(&big).into());
    }
    drop(made);
}

fn syntax_error(err: CompileError) -> GuestError {
    let (line, column) = err.python_location();
    let message = match &err {
        CompileError::Parse(p) => p.error.to_string(),
        CompileError::Codegen(c) => c.error.to_string(),
    };
    GuestError::Syntax {
        message,
        line,
        column,
    }
}
