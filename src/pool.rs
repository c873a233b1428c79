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

/// Why a pool could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PoolError {
    /// A sandbox of the pool's policy cannot start.
    #[error("a pooled sandbox cannot start: {0}")]
    Config(#[from] ConfigError),
    /// A module to preload could not be imported under the pool's policy.
    #[error("a pooled sandbox cannot preload {module:?}: {error}")]
    Preload {
        /// The module.
        module: String,
        /// What importing it raised.
        error: GuestError,
    },
    /// A preload name that is not a dotted module name.
    #[error("{0:?} is not a module name")]
    NotAModule(String),
    /// No thread could be started to refill the pool.
    #[error("the pool's refill thread cannot start: {0}")]
    Thread(String),
}

/// A warm pool: up to `size` sandboxes of one policy, started (interpreter
/// built, hardened, the preloaded modules imported) by a background thread
/// before anyone asks, so [`SandboxPool::checkout`] costs a hand-over instead
/// of a start (about 7 ms in a release build).
///
/// A sandbox is handed out once and never comes back: a tenant's state can
/// never reach the next tenant, because the next one gets a sandbox nobody
/// has used. The refill thread starts a replacement as soon as one is taken.
/// A pooled sandbox is exactly a fresh sandbox of the same policy, except that
/// the preloaded modules are already imported: importing one costs no
/// compilation (and no fuel) in the tenant's calls, and its memory is already
/// counted against the sandbox's budget. Dropping the pool stops the refill
/// thread and drops the sandboxes not handed out.
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
/// modules, not bound in its globals).
fn warm(runtime: &Runtime, policy: &Policy, preload: &[String]) -> Result<Sandbox, PoolError> {
    let sandbox = runtime.sandbox(policy)?;
    // One trivial job first: what the interpreter sets up at its first
    // compile and run is then done before a tenant arrives.
    sandbox.exec("pass").map_err(|error| PoolError::Preload {
        module: String::new(),
        error,
    })?;
    if preload.is_empty() {
        return Ok(sandbox);
    }
    // The preload is the host's work, not a tenant's: no fuel budget.
    if policy.fuel.is_some() {
        sandbox.set_fuel(None)?;
    }
    for module in preload {
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
    sandbox.take_output();
    Ok(sandbox)
}

impl SandboxPool {
    pub(crate) fn start(
        runtime: Runtime,
        policy: Policy,
        size: usize,
        preload: &[&str],
    ) -> Result<SandboxPool, PoolError> {
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
        let first = warm(&runtime, &policy, &preload)?;
        let size = size.max(1);
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
                        match warm(&runtime, &policy, &preload) {
                            Ok(next) => {
                                backoff = Duration::from_millis(1);
                                let mut state = shared.state.lock();
                                if state.1 {
                                    return;
                                }
                                state.0.push_back(next);
                            }
                            // Too many sandboxes for now (or another passing
                            // failure): a checkout starts its own, which reports
                            // the error; the pool tries again later.
                            Err(_) => {
                                let mut state = shared.state.lock();
                                if !state.1 {
                                    shared.taken.wait_for(&mut state, backoff);
                                }
                                backoff = (backoff * 2).min(Duration::from_millis(100));
                            }
                        }
                    }
                })
                .map_err(|e| PoolError::Thread(e.to_string()))?
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
    /// started now (as [`Runtime::sandbox`] would, plus the preload).
    pub fn checkout(&self) -> Result<Sandbox, PoolError> {
        let ready = self.shared.state.lock().0.pop_front();
        match ready {
            Some(sandbox) => {
                self.shared.taken.notify_one();
                Ok(sandbox)
            }
            None => warm(&self.runtime, &self.policy, &self.preload),
        }
    }

    /// How many sandboxes the pool keeps ready.
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
