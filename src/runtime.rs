//! [`Runtime`]: the shared root every sandbox and capability of a host comes from.

use crate::config::{Config, MIN_STACK};
use crate::error::ConfigError;
use crate::policy::Policy;
use crate::pool::{PoolError, SandboxPool};
use crate::sandbox::Sandbox;
use crate::caps::host::{DynDispatch, HostFn, UserDispatch};
use crate::caps::table::CapTable;
use crate::caps::{Arg, CapError, CapHandle, Filter, FromArgs, UserObject};
use crate::teardown::Reaper;
use std::sync::Arc;
use std::time::Duration;

/// A runtime: the shared root from which sandboxes are created. Cheap to clone,
/// `Send + Sync`.
#[derive(Clone, Debug)]
pub struct Runtime {
    pub(crate) inner: Arc<RuntimeInner>,
}

pub(crate) struct RuntimeInner {
    pub(crate) config: Config,
    pub(crate) caps: Arc<CapTable>,
    /// Joins dropped sandboxes' threads off their callers' path.
    pub(crate) reaper: Reaper,
}

impl Drop for RuntimeInner {
    fn drop(&mut self) {
        // Every sandbox of this runtime is dropped (each holds the runtime):
        // wait for the threads still tearing down, each bounded by its grace.
        self.reaper
            .wait(self.config.drop_grace.saturating_add(Duration::from_secs(1)));
    }
}

impl std::fmt::Debug for RuntimeInner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Runtime")
            .field("config", &self.config)
            .field("capabilities", &self.caps.len())
            .finish()
    }
}

impl Runtime {
    /// Creates a runtime from `config`.
    pub fn new(config: &Config) -> Result<Runtime, ConfigError> {
        if config.stack_size < MIN_STACK {
            return Err(ConfigError::InvalidLimit(format!(
                "sandbox stack of {} bytes is below the 256 MiB minimum",
                config.stack_size
            )));
        }
        Ok(Runtime {
            inner: Arc::new(RuntimeInner {
                config: config.clone(),
                caps: CapTable::new(),
                reaper: Reaper::default(),
            }),
        })
    }

    /// Starts a sandbox governed by `policy`, on its own thread. Returns once its
    /// interpreter is ready (about 12 ms in a release build; a [`SandboxPool`]
    /// hands one out in microseconds).
    pub fn sandbox(&self, policy: &Policy) -> Result<Sandbox, ConfigError> {
        Sandbox::start(self.clone(), policy.clone())
    }

    /// A warm pool of sandboxes governed by `policy`: `size` of them kept
    /// started in the background, with `preload` (module names the policy
    /// allows) imported, each handed out once ([`SandboxPool::checkout`]).
    /// The first is started before this returns, so a policy or preload that
    /// cannot work fails here. `size` is 1 to
    /// [`MAX_POOL_SIZE`](crate::MAX_POOL_SIZE) ([`PoolError::Size`]).
    pub fn pool(
        &self,
        policy: &Policy,
        size: usize,
        preload: &[&str],
    ) -> Result<SandboxPool, PoolError> {
        SandboxPool::start(self.clone(), policy.clone(), size, preload)
    }

    /// Makes `obj` a capability: guests it is granted to reach its registered
    /// methods and fields (every public one: attenuate to narrow).
    pub fn wrap<T: UserObject>(&self, obj: T) -> CapHandle {
        self.inner
            .caps
            .insert(Arc::new(UserDispatch::new(obj)), Filter::public())
    }

    /// Like [`Runtime::wrap`], with the root capability's filter chosen by the
    /// host. This is the only way to expose a name starting with `_`: attenuation
    /// can only narrow, and a public filter never passes such names.
    pub fn wrap_with<T: UserObject>(&self, obj: T, filter: Filter) -> CapHandle {
        self.inner
            .caps
            .insert(Arc::new(UserDispatch::new(obj)), filter)
    }

    /// Makes an object whose members are known only at run time a capability
    /// ([`DynamicObject`](crate::DynamicObject)), whose root passes what
    /// `filter` passes (`Filter::public()`: every name not starting with `_`).
    /// The CPython package grants CPython objects this way.
    pub fn wrap_dynamic<T: crate::DynamicObject>(&self, obj: T, filter: Filter) -> CapHandle {
        self.inner
            .caps
            .insert(Arc::new(DynDispatch(Arc::new(obj))), filter)
    }

    /// Makes a Rust function a callable capability. Its arguments arrive as a
    /// tuple converted with [`FromArgs`](crate::FromArgs).
    pub fn host_fn<A, R, F>(&self, name: &str, f: F) -> CapHandle
    where
        A: FromArgs,
        R: Into<Arg>,
        F: Fn(A) -> Result<R, CapError> + Send + Sync + 'static,
    {
        self.inner
            .caps
            .insert(Arc::new(HostFn::new(name, f)), Filter::public())
    }

    /// Who holds what, now: every live capability of this runtime (host
    /// objects and functions, guest exports, the attenuations and grants
    /// derived from them), with its filter, holder and owner, and the most
    /// recently revoked ones. [`CapabilityGraph::to_dot`](crate::CapabilityGraph::to_dot)
    /// draws it.
    pub fn capability_graph(&self) -> crate::CapabilityGraph {
        self.inner.caps.graph()
    }

    /// Waits until every dropped sandbox of this runtime has finished tearing
    /// down and its thread has ended, or until `timeout`; true when all have.
    ///
    /// Dropping a [`Sandbox`] stops it, revokes its capabilities and returns;
    /// its thread frees the interpreter (a few milliseconds) and is joined in
    /// the background, at most [`MAX_PENDING_TEARDOWNS`](crate::MAX_PENDING_TEARDOWNS)
    /// at a time for drops on host threads (a drop beyond that waits for one).
    /// Call this where a host needs every thread and every byte back, for
    /// instance before measuring them; dropping the last handle to the runtime
    /// does it too (up to the drop grace and a second), so dropping a sandbox
    /// that holds the runtime's last handle waits like this. A thread detached
    /// past the drop grace ([`Config::drop_grace`]) counts as done; on a thread
    /// that is itself tearing down, this waits for the others only.
    /// `Duration::MAX` waits without a deadline.
    pub fn wait_for_teardown(&self, timeout: Duration) -> bool {
        self.inner.reaper.wait(timeout)
    }

    /// How many dropped sandboxes' threads have not ended (or been detached).
    pub fn pending_teardowns(&self) -> usize {
        self.inner.reaper.pending()
    }

    /// The configuration this runtime was created with.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }
}

impl Default for Runtime {
    fn default() -> Self {
        Runtime {
            inner: Arc::new(RuntimeInner {
                config: Config::new(),
                caps: CapTable::new(),
                reaper: Reaper::default(),
            }),
        }
    }
}
