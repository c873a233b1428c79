//! The sandbox thread: it starts the interpreter, serves the inbox's jobs
//! (check source → compile → run → copy out), and tears the guest down
//! (SPEC §6, §7). [`Sandbox`](crate::Sandbox) is the host's handle on it.

use crate::alloc::AccountHandle;
use crate::error::{ConfigError, GuestError};
use crate::guest::{self, check_source, Printed, SourceKind, Tripwire};
use crate::inbox::{self, Job, Link};
use crate::membrane::proxy;
use crate::membrane::{from_guest, to_guest, wrap_exception, SourceCache};
use crate::policy::Policy;
use crate::caps::table::CapTable;
use crate::value::Value;
use rustpython_vm::builtins::PyDictRef;
use rustpython_vm::compiler::{CompileError, Mode};
use rustpython_vm::scope::Scope;
use rustpython_vm::signal::user_signal_channel;
use rustpython_vm::{Interpreter, PyObjectRef, VirtualMachine};
use std::cell::RefCell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::rc::Rc;
use std::sync::atomic::Ordering;
use std::sync::{mpsc, Arc};
use std::thread::JoinHandle;

static NEXT_SANDBOX: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// The file name guest tracebacks show for source passed to
/// [`Sandbox::exec`](crate::Sandbox::exec) and [`Sandbox::eval`](crate::Sandbox::eval).
pub const GUEST_FILENAME: &str = "<guest>";

/// What the API layer adds to a sandbox's interpreter (the `pyocap` master
/// module), handed in so the thread never names it.
pub(crate) struct Extension {
    /// Installs it, during set-up (before the builtins are sealed).
    pub(crate) install: Box<dyn FnOnce(&VirtualMachine) -> rustpython_vm::PyResult<()> + Send>,
    /// Lets go of its guest objects, at tear-down.
    pub(crate) clear: fn(),
}

/// The closure of an `inbox::Job::Native` (unit tests only): native code run
/// on the sandbox thread with the guest's interpreter and globals.
#[cfg(test)]
pub(crate) type NativeProbe = Box<
    dyn FnOnce(&VirtualMachine, &PyDictRef) -> rustpython_vm::PyResult<()> + Send,
>;

/// A started sandbox thread, for its handle.
pub(crate) struct Started {
    pub(crate) link: Arc<Link>,
    pub(crate) thread: JoinHandle<()>,
    pub(crate) printed: mpsc::Receiver<Printed>,
    /// A sender on the same channel, for the host's flush markers.
    pub(crate) printed_tx: mpsc::Sender<Printed>,
}

/// A link for a sandbox whose interpreter runs elsewhere (in a worker
/// process): its id and its tripwire, with no interpreter behind the
/// tripwire's signal (whoever serves the inbox watches the tripwire itself).
pub(crate) fn remote_link(
    policy: &Policy,
    account: AccountHandle,
) -> (Arc<Link>, mpsc::Sender<inbox::Msg>, mpsc::Receiver<inbox::Msg>) {
    let id = NEXT_SANDBOX.fetch_add(1, Ordering::Relaxed);
    let (signal_tx, _unused) = user_signal_channel();
    Link::new(id, Tripwire::new(signal_tx), account, policy)
}

/// Starts a sandbox thread whose allocations go to `account`, and waits until
/// its interpreter is ready (or failed to start).
pub(crate) fn spawn(
    stack_size: usize,
    hash_seed: u32,
    caps: Arc<CapTable>,
    policy: Policy,
    account: AccountHandle,
    extension: Option<Extension>,
) -> Result<Started, ConfigError> {
        let id = NEXT_SANDBOX.fetch_add(1, Ordering::Relaxed);
        let (signal_tx, signal_rx) = user_signal_channel();
        let tripwire = Tripwire::new(signal_tx);
        let (link, inbox_tx, inbox_rx) = Link::new(id, tripwire, account, &policy);
        let (ready_tx, ready_rx) = mpsc::sync_channel(1);
        let (printed_tx, printed_rx) = mpsc::channel();
        let host_printed_tx = printed_tx.clone();
        let thread_link = link.clone();
        let thread = std::thread::Builder::new()
            .name("pyocap-sandbox".into())
            .stack_size(stack_size)
            .spawn(move || {
                // Everything this thread allocates from here on is the guest's.
                thread_link.tripwire.register_on_this_thread();
                account.attach(guest::memory_tripped);
                let sources = Rc::new(RefCell::new(SourceCache::default()));
                inbox::attach(id, inbox_tx, inbox_rx, thread_link.tripwire.clone());
                run_sandbox_thread(
                    policy,
                    hash_seed,
                    caps,
                    thread_link,
                    sources,
                    signal_rx,
                    ready_tx,
                    printed_tx,
                    extension,
                );
                inbox::detach();
                AccountHandle::detach();
                account.close();
            })
            .map_err(|e| {
                account.close();
                ConfigError::Spawn(e)
            })?;
        let ready = loop {
            match ready_rx.recv_timeout(inbox::WATCH_TICK) {
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
            Ok(Ok(())) => Ok(Started {
                link,
                thread,
                printed: printed_rx,
                printed_tx: host_printed_tx,
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

/// The body of a sandbox thread: start the interpreter, serve jobs, tear down.
fn run_sandbox_thread(
    policy: Policy,
    hash_seed: u32,
    caps: Arc<CapTable>,
    link: Arc<Link>,
    sources: Rc<RefCell<SourceCache>>,
    signal_rx: rustpython_vm::signal::UserSignalReceiver,
    ready_tx: mpsc::SyncSender<Result<(), ConfigError>>,
    printed: mpsc::Sender<Printed>,
    extension: Option<Extension>,
) {
    let busy = link.busy.clone();
    let started = catch_unwind(AssertUnwindSafe(|| {
        Guest::start(&policy, hash_seed, caps, link, sources, signal_rx, extension)
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
    inbox::serve_nested_with(Rc::new(move |job| server.run(job)));
    while let Some(request) = inbox::next_request() {
        busy.store(true, Ordering::SeqCst);
        let (job, reply) = request.split();
        let outcome = guest.run(job);
        busy.store(false, Ordering::SeqCst);
        let output = guest::take_output();
        if !output.is_empty() {
            let _ = printed.send(Printed::Text(output));
        }
        reply.send(outcome);
    }
    inbox::serve_nested_with(Rc::new(|_| Err(GuestError::Stopped)));
    if let Ok(guest) = Rc::try_unwrap(guest) {
        guest.shutdown();
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
    /// Clears what the API layer added (the master module), at tear-down.
    clear_extension: Option<fn()>,
}

impl Guest {
    fn start(
        policy: &Policy,
        hash_seed: u32,
        caps: Arc<CapTable>,
        link: Arc<Link>,
        sources: Rc<RefCell<SourceCache>>,
        signal_rx: rustpython_vm::signal::UserSignalReceiver,
        extension: Option<Extension>,
    ) -> Result<Guest, ConfigError> {
        let tripwire = link.tripwire.clone();
        let own_link = link.clone();
        let (extension_install, clear_extension) = match extension {
            Some(e) => (Some(e.install), Some(e.clear)),
            None => (None, None),
        };
        let mut settings = rustpython_vm::Settings::default();
        settings.hash_seed = Some(hash_seed);
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
                    proxy::install(vm, caps, link, policy.data.clone())?;
                    if let Some(install) = extension_install {
                        install(vm)?;
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
            clear_extension,
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
            // Every text is checked against the source bounds before it is parsed.
            let bounded = |source: &str, eval: bool| {
                let kind = if eval {
                    SourceKind::Expression
                } else {
                    SourceKind::Statements
                };
                check_source(source, kind, policy.max_source_bytes, policy.max_source_nesting)
            };
            // Runs code in the guest's globals: an expression's value is copied
            // out, statements give `None`.
            let execute = |code, eval: bool| -> Result<Value, GuestError> {
                let scope = Scope::with_builtins(None, globals.clone(), vm);
                let result = vm.run_code_obj(code, scope).map_err(|e| fail(e, sources))?;
                if eval {
                    Ok(from_guest(&result, vm, &policy.data)?)
                } else {
                    Ok(Value::None)
                }
            };
            let result = (|| match job {
                Job::Invoke { export, op } => {
                    // The cache is borrowed only to format an exception: the
                    // object's code may run nested jobs that record sources.
                    proxy::serve_invoke(vm, export, op, sources, tripwire)
                }
                Job::Exec { source, filename } => {
                    bounded(&source, false)?;
                    sources.borrow_mut().remember(&filename, &source);
                    let code =
                        guest::compile(vm, &source, Mode::Exec, &filename, policy.fuel_metering)
                            .map_err(syntax_error)?;
                    execute(code, false)
                }
                Job::Eval { source } => {
                    bounded(&source, true)?;
                    sources.borrow_mut().remember(GUEST_FILENAME, &source);
                    let code =
                        guest::compile(vm, &source, Mode::Eval, GUEST_FILENAME, policy.fuel_metering)
                            .map_err(syntax_error)?;
                    execute(code, true)
                }
                Job::Compile {
                    source,
                    filename,
                    eval,
                    into,
                } => {
                    bounded(&source, eval)?;
                    let compiled =
                        guest::compile_unloaded(&source, eval, &filename, policy.fuel_metering)
                            .map_err(syntax_error)?;
                    let _ = into.send(Arc::new(compiled));
                    Ok(Value::None)
                }
                Job::RunCode {
                    code,
                    source,
                    filename,
                } => {
                    // Code without fuel ticks would run unmetered here; code
                    // with them, metered where the policy says not to.
                    if code.instrumented != policy.fuel_metering {
                        return Err(GuestError::CodeMismatch {
                            compiled_metered: code.instrumented,
                        });
                    }
                    bounded(&source, code.eval)?;
                    sources.borrow_mut().remember(&filename, &source);
                    execute(guest::load(&code, vm), code.eval)
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
                    let Ok(probe) = probe.downcast::<NativeProbe>() else {
                        unreachable!("a native job always holds a NativeProbe");
                    };
                    (*probe)(vm, globals).map_err(|e| fail(e, sources))?;
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
                if let Some(clear) = self.clear_extension {
                    clear();
                }
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
