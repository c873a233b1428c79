//! [`Config`]: the settings shared by every sandbox of a [`Runtime`](crate::Runtime).

use std::time::Duration;

/// The smallest sandbox stack accepted: the deepest source nesting a policy can
/// allow, and the deep-data tests, are checked against it.
pub(crate) const MIN_STACK: usize = 256 << 20;

/// Runtime-wide settings, as a builder. Each setter documents its default.
#[derive(Clone, Debug)]
pub struct Config {
    pub(crate) stack_size: usize,
    pub(crate) hash_seed: u32,
    pub(crate) drop_grace: Duration,
    pub(crate) worker_program: Option<std::path::PathBuf>,
    pub(crate) worker_cpu: Duration,
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
            worker_program: None,
            worker_cpu: Duration::from_secs(3600),
        }
    }

    /// Stack reserved for each sandbox thread, in bytes. Default: 256 MiB (address
    /// space only; pages are committed as the guest uses them).
    ///
    /// RustPython recurses natively when it compiles deeply nested source and
    /// when it drops, compares or prints deeply nested data; a native stack
    /// overflow aborts the process. The large stack, with the source-nesting and
    /// recursion limits of [`Policy`](crate::Policy), is what keeps those paths inside the stack.
    /// Must be at least 256 MiB: the limits of [`Policy`](crate::Policy) are tested against that.
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

    /// How long the runtime's reaper waits, after a [`Sandbox`](crate::Sandbox) is dropped
    /// (the drop itself returns at once), for a busy guest to stop before it detaches the
    /// thread, which then ends as soon as the guest is back in the interpreter loop.
    /// Default: 5 s. Only native operations that never check for interrupts (a huge
    /// `sorted`, say) take this long. [`StopHandle::stop`](crate::StopHandle::stop) waits
    /// as long for a running call to end.
    pub fn drop_grace(&mut self, grace: Duration) -> &mut Self {
        self.drop_grace = grace;
        self
    }

    /// The program started as the worker of a sandbox isolated in a process
    /// ([`Isolation::Process`](crate::Isolation::Process)): the `pyocap`
    /// binary, or any program whose `main` calls
    /// [`pyocap::serve_worker_if_requested`](crate::serve_worker_if_requested)
    /// first. Default: the `PYOCAP_WORKER` environment variable if set, else
    /// this process's own executable.
    pub fn worker_program(&mut self, path: impl Into<std::path::PathBuf>) -> &mut Self {
        self.worker_program = Some(path.into());
        self
    }

    /// The CPU time a worker process may use in its whole life
    /// (`RLIMIT_CPU`; rounded up to whole seconds): past it the kernel kills
    /// the worker and its sandbox ends in
    /// [`GuestError::WorkerCrashed`](crate::GuestError::WorkerCrashed).
    /// Default: one hour. A call's own bound is its deadline and fuel.
    pub fn worker_cpu_limit(&mut self, cpu: Duration) -> &mut Self {
        self.worker_cpu = cpu;
        self
    }

    pub(crate) fn worker_spec(&self) -> Result<crate::process::WorkerSpec, crate::ConfigError> {
        let program = match &self.worker_program {
            Some(p) => p.clone(),
            None => match std::env::var_os("PYOCAP_WORKER") {
                Some(p) => p.into(),
                None => std::env::current_exe()
                    .map_err(|e| crate::ConfigError::Worker(format!("no worker program: {e}")))?,
            },
        };
        Ok(crate::process::WorkerSpec {
            program,
            stack_size: self.stack_size,
            hash_seed: self.hash_seed,
            cpu_seconds: self.worker_cpu.as_secs() + u64::from(self.worker_cpu.subsec_nanos() > 0),
        })
    }
}
