//! [`SandboxPool`]: sandboxes started ahead of time, handed out once each.

use crate::error::{ConfigError, GuestError};
use crate::policy::Policy;
use crate::runtime::Runtime;
use crate::sandbox::Sandbox;
use parking_lot::{Condvar, Mutex};
use std::collections::VecDeque;
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

/// The most sandboxes a pool keeps ready: a pool must not take every
/// sandbox the process may have (4,096) from the rest of the host.
pub const MAX_POOL_SIZE: usize = 256;

/// Why a pool could not be made, or a sandbox not be handed out.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PoolError {
    /// A sandbox of the pool's policy cannot start.
    #[error("a pooled sandbox cannot start")]
    Config(#[from] ConfigError),
    /// A sandbox started, but its first job failed (a limit of the policy
    /// that even an empty job crosses, such as a deadline too short).
    #[error("a pooled sandbox failed its first job")]
    Start(#[source] GuestError),
    /// A module to preload could not be imported under the pool's policy.
    #[error("a pooled sandbox cannot preload {module:?}")]
    Preload {
        /// The module.
        module: String,
        /// What importing it raised.
        #[source]
        error: GuestError,
    },
    /// A preload name that is not a dotted module name.
    #[error("{0:?} is not a module name")]
    NotAModule(String),
    /// A size of 0 or over [`MAX_POOL_SIZE`].
    #[error("a pool holds 1 to {MAX_POOL_SIZE} sandboxes, not {0}")]
    Size(usize),
    /// No thread could be started to refill the pool.
    #[error("the pool's refill thread cannot start")]
    Thread(#[source] std::io::Error),
}

/// A warm pool: up to `size` sandboxes of one policy, started (interpreter
/// built, hardened, the preloaded modules imported) by a background thread
/// before anyone asks, so [`SandboxPool::checkout`] costs a hand-over
/// (microseconds) instead of a start (milliseconds: 24 ms on our 2-core
/// machine, README).
///
/// A sandbox is handed out once and never comes back: a tenant's state can
/// never reach the next tenant, because the next one gets a sandbox nobody
/// has used: no tenant code has run in it. The refill thread starts a
/// replacement as soon as one is taken. A pooled sandbox is a fresh sandbox
/// of the same policy, except that the pool's own jobs ran in it (one `pass`,
/// then an `__import__` per preloaded module, with no fuel budget): the
/// preloaded modules are already imported (not bound in its globals), so
/// importing one costs the tenant no compilation and no fuel, their memory is
/// already counted against the sandbox's budget, and
/// [`Sandbox::memory_peak`] includes the preload's peak. Its fuel reading is
/// reset to a fresh sandbox's. A sandbox that a limit stopped during the
/// pool's jobs is never handed out.
///
/// Dropping the pool blocks until the refill thread ends (after the start it
/// may be in, bounded by the policy's deadline per job) and the sandboxes
/// not handed out are dropped.
///
/// ```
/// use pyocap::{Policy, Runtime, Value};
///
/// #[global_allocator]
/// static ALLOC: pyocap::CountingAllocator = pyocap::CountingAllocator::new();
///
/// fn main() -> Result<(), Box<dyn std::error::Error>> {
///     let runtime = Runtime::default();
///     let mut policy = Policy::new();
///     policy.allow_import("json")?;
///     let pool = runtime.pool(&policy, 2, &["json"])?;
///     let sandbox = pool.checkout()?;
///     assert_eq!(sandbox.eval("__import__('json').dumps([1])")?, Value::from("[1]"));
///     Ok(())
/// }
/// ```
pub struct SandboxPool {
    shared: Arc<Shared>,
    runtime: Runtime,
    policy: Policy,
    preload: Vec<String>,
    refill: Option<JoinHandle<()>>,
    size: usize,
}

/// What the pool and its refill thread share.
struct Shared {
    /// Sandboxes started and not yet handed out, and whether the pool is
    /// being dropped.
    state: Mutex<(VecDeque<Sandbox>, bool)>,
    /// Signalled when a sandbox is taken and when the pool is dropped.
    taken: Condvar,
}

impl std::fmt::Debug for SandboxPool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SandboxPool")
            .field("size", &self.size)
            .field("preload", &self.preload)
            .finish()
    }
}

/// A sandbox of `policy` with `preload` imported (into its interpreter's
/// modules, not bound in its globals). `cancelled` is looked at between jobs.
fn warm(
    runtime: &Runtime,
    policy: &Policy,
    preload: &[String],
    cancelled: &dyn Fn() -> bool,
) -> Result<Sandbox, PoolError> {
    let sandbox = runtime.sandbox(policy)?;
    // The pool's jobs are the host's work, not a tenant's: no fuel budget.
    if policy.fuel.is_some() {
        sandbox.set_fuel(None)?;
    }
    // One trivial job first: what the interpreter sets up at its first
    // compile and run is then done before a tenant arrives.
    sandbox.exec("pass").map_err(PoolError::Start)?;
    for module in preload {
        if cancelled() {
            break;
        }
        sandbox
            .exec(&format!("__import__({module:?})"))
            .map_err(|error| PoolError::Preload {
                module: module.clone(),
                error,
            })?;
    }
    if policy.fuel.is_some() {
        sandbox.set_fuel(policy.fuel)?;
    }
    // A job can end `Ok` just as its deadline trips the sandbox: such a
    // sandbox would fail its tenant's first call.
    if let Some(stopped) = sandbox.stopped() {
        return Err(PoolError::Start(stopped));
    }
    sandbox.take_output();
    sandbox.reset_readings();
    Ok(sandbox)
}

/// Whether a failure to start is likely to pass (the process is at its
/// sandbox limit, which another sandbox's drop relieves).
fn passing(e: &PoolError) -> bool {
    matches!(e, PoolError::Config(ConfigError::TooManySandboxes))
}

impl SandboxPool {
    pub(crate) fn start(
        runtime: Runtime,
        policy: Policy,
        size: usize,
        preload: &[&str],
    ) -> Result<SandboxPool, PoolError> {
        if size == 0 || size > MAX_POOL_SIZE {
            return Err(PoolError::Size(size));
        }
        let preload: Vec<String> = preload.iter().map(|m| (*m).to_owned()).collect();
        for m in &preload {
            let dotted = !m.is_empty()
                && m.split('.').all(|p| {
                    p.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                        && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                });
            if !dotted {
                return Err(PoolError::NotAModule(m.clone()));
            }
        }
        // The first one on the caller's thread: a policy or preload that
        // cannot work fails here, not at the first checkout.
        let first = warm(&runtime, &policy, &preload, &|| false)?;
        let shared = Arc::new(Shared {
            state: Mutex::new((VecDeque::from([first]), false)),
            taken: Condvar::new(),
        });
        let refill = {
            let (runtime, policy, preload) = (runtime.clone(), policy.clone(), preload.clone());
            let shared = shared.clone();
            std::thread::Builder::new()
                .name("pyocap-pool".into())
                .spawn(move || {
                    // Its drops (a start cancelled or failed) never wait for a
                    // teardown slot: the pool may be dropped by a master's
                    // teardown that holds one (SPEC §6).
                    crate::teardown::mark_runtime_thread();
                    let cancelled = || shared.state.lock().1;
                    let mut backoff = Duration::from_millis(1);
                    loop {
                        {
                            let mut state = shared.state.lock();
                            while state.0.len() >= size && !state.1 {
                                shared.taken.wait(&mut state);
                            }
                            if state.1 {
                                return;
                            }
                        }
                        match warm(&runtime, &policy, &preload, &cancelled) {
                            Ok(next) => {
                                backoff = Duration::from_millis(1);
                                let mut state = shared.state.lock();
                                if state.1 {
                                    return;
                                }
                                state.0.push_back(next);
                            }
                            // A checkout finding none ready starts its own,
                            // which reports the error. The pool tries again:
                            // soon when the process was at its sandbox limit,
                            // after up to 5 s for anything else (a policy
                            // whose start fails now and then under load).
                            Err(e) => {
                                tracing::debug!(target: "pyocap::pool", "refill failed: {e}");
                                let ceiling = if passing(&e) { 100 } else { 5_000 };
                                let mut state = shared.state.lock();
                                if !state.1 {
                                    shared.taken.wait_for(&mut state, backoff);
                                }
                                backoff = (backoff * 2).min(Duration::from_millis(ceiling));
                            }
                        }
                    }
                })
                .map_err(PoolError::Thread)?
        };
        Ok(SandboxPool {
            shared,
            runtime,
            policy,
            preload,
            refill: Some(refill),
            size,
        })
    }

    /// A sandbox nobody has used: a warm one if one is ready, otherwise one
    /// started now (as [`Runtime::sandbox`] would, plus the preload), whose
    /// failure to start is the error.
    pub fn checkout(&self) -> Result<Sandbox, PoolError> {
        loop {
            let ready = self.shared.state.lock().0.pop_front();
            let Some(sandbox) = ready else {
                return warm(&self.runtime, &self.policy, &self.preload, &|| false);
            };
            self.shared.taken.notify_one();
            // Stopped while it waited (a host's `StopHandle` cannot reach it,
            // but a deadline trip can land late): never handed out.
            if sandbox.stopped().is_none() {
                return Ok(sandbox);
            }
        }
    }

    /// How many sandboxes the pool keeps ready (1 to [`MAX_POOL_SIZE`]).
    pub fn size(&self) -> usize {
        self.size
    }

    /// How many are ready now (started and not handed out): `size()` once
    /// the pool has filled, fewer just after checkouts.
    pub fn ready(&self) -> usize {
        self.shared.state.lock().0.len()
    }
}

impl Drop for SandboxPool {
    fn drop(&mut self) {
        // The refill thread ends (after the start it may be in), then the
        // sandboxes not handed out are dropped, here.
        let ready = {
            let mut state = self.shared.state.lock();
            state.1 = true;
            std::mem::take(&mut state.0)
        };
        self.shared.taken.notify_all();
        drop(ready);
        if let Some(thread) = self.refill.take() {
            let _ = thread.join();
        }
    }
}
