//! [`Config`] and [`Runtime`]: settings shared by every sandbox of a runtime.

use crate::error::ConfigError;
use crate::policy::Policy;
use crate::sandbox::Sandbox;
use crate::caps::host::{HostFn, UserDispatch};
use crate::caps::table::CapTable;
use crate::caps::{Arg, CapError, CapHandle, Filter, FromArgs, UserObject};
use std::sync::Arc;
use std::time::Duration;

/// The smallest sandbox stack accepted: the deepest source nesting a policy can
/// allow, and the deep-data tests, are checked against it.
const MIN_STACK: usize = 256 << 20;

/// Runtime-wide settings, as a builder. Each setter documents its default.
#[derive(Clone, Debug)]
pub struct Config {
    pub(crate) stack_size: usize,
    pub(crate) hash_seed: u32,
    pub(crate) drop_grace: Duration,
}

impl Default for Config {
    fn default() -> Self {
        Self::new()
    }
}

impl Config {
    /// The defaults: 256 MiB sandbox stacks, hash seed 0, 5 s drop grace.
    pub fn new() -> Self {
        Config {
            stack_size: MIN_STACK,
            hash_seed: 0,
            drop_grace: Duration::from_secs(5),
        }
    }

    /// Stack reserved for each sandbox thread, in bytes. Default: 256 MiB (address
    /// space only; pages are committed as the guest uses them).
    ///
    /// RustPython recurses natively when it compiles deeply nested source and
    /// when it drops, compares or prints deeply nested data; a native stack
    /// overflow aborts the process. The large stack, with the source-nesting and
    /// recursion limits of [`Policy`], is what keeps those paths inside the stack.
    /// Must be at least 256 MiB: the limits of [`Policy`] are tested against that.
    pub fn stack_size(&mut self, bytes: usize) -> &mut Self {
        self.stack_size = bytes;
        self
    }

    /// Seed of `hash()` for `str` and `bytes` in every sandbox. Default: 0, so that
    /// a guest's results (set iteration order, for instance) are the same on every
    /// run. RustPython requires one seed per process.
    pub fn hash_seed(&mut self, seed: u32) -> &mut Self {
        self.hash_seed = seed;
        self
    }

    /// How long dropping a [`Sandbox`] waits for a busy guest to stop before it
    /// detaches the thread (which then ends as soon as the guest is back in the
    /// interpreter loop). Default: 5 s. Only native operations that never check for
    /// interrupts (a huge `sorted`, say) take this long.
    pub fn drop_grace(&mut self, grace: Duration) -> &mut Self {
        self.drop_grace = grace;
        self
    }
}

/// A runtime: the shared root from which sandboxes are created. Cheap to clone,
/// `Send + Sync`.
#[derive(Clone, Debug)]
pub struct Runtime {
    pub(crate) inner: Arc<RuntimeInner>,
}

pub(crate) struct RuntimeInner {
    pub(crate) config: Config,
    pub(crate) caps: Arc<CapTable>,
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
            }),
        })
    }

    /// Starts a sandbox governed by `policy`, on its own thread. Returns once its
    /// interpreter is ready (about 10 ms in a release build).
    pub fn sandbox(&self, policy: &Policy) -> Result<Sandbox, ConfigError> {
        Sandbox::start(self.clone(), policy.clone())
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
            }),
        }
    }
}
