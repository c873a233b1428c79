//! The runtime layer's errors.

use crate::caps::CapError;
use crate::value::CrossingError;

/// Why a call into a sandbox (`exec`, `eval`, `call`, ...) failed.
///
/// Every variant is plain data: nothing in it refers to a guest object, and
/// formatting it runs no guest code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum GuestError {
    /// The guest raised an exception. The three strings were computed inside the
    /// guest, under its limits: `message` is `str(exc)` (a placeholder if that
    /// raised), `traceback` is rendered from the interpreter's own records.
    #[error("{type_name}: {message}")]
    Exception {
        /// The exception's class name, e.g. `ValueError`.
        type_name: String,
        /// `str(exc)`, truncated to 16 KiB.
        message: String,
        /// The formatted traceback, CPython style, ending with `Type: message`.
        traceback: String,
    },
    /// The source did not compile.
    #[error("SyntaxError: {message} (line {line}, column {column})")]
    Syntax {
        /// The parser's message.
        message: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// The source is longer than the policy's `max_source_bytes`; it was not parsed.
    #[error("source is {len} bytes, over the limit of {limit}")]
    SourceTooLarge {
        /// The source's length in bytes.
        len: usize,
        /// The limit in force.
        limit: usize,
    },
    /// The source nests deeper than the policy's `max_source_nesting`; it was not
    /// parsed.
    #[error("source nests deeper than {limit} levels")]
    SourceTooDeep {
        /// The limit in force.
        limit: usize,
    },
    /// A value could not cross the membrane (not data, or over the data limits).
    #[error(transparent)]
    Crossing(#[from] CrossingError),
    /// A capability could not be used (revoked, or of another runtime).
    #[error(transparent)]
    Cap(#[from] CapError),
    /// The guest printed more than the policy's `max_output` bytes. Terminal: the
    /// sandbox refuses every later call with this error.
    #[error("guest output exceeded its limit of {limit} bytes")]
    OutputLimit {
        /// The limit in force.
        limit: usize,
    },
    /// The guest used more memory than the policy's `max_memory`. Terminal.
    #[error("guest memory exceeded its limit of {limit} bytes")]
    MemoryLimit {
        /// The limit in force.
        limit: usize,
    },
    /// The call ran longer than the policy's `deadline`. Terminal.
    #[error("guest call exceeded its deadline of {limit:?}")]
    DeadlineExceeded {
        /// The deadline in force.
        limit: std::time::Duration,
    },
    /// The call used up its fuel (see [`Policy::fuel`](crate::Policy::fuel)). The
    /// guest stopped at the same point on every run. Terminal.
    #[error("guest call ran out of fuel ({limit} units)")]
    FuelExhausted {
        /// The call's fuel budget.
        limit: u64,
    },
    /// The sandbox's interpreter panicked (a bug in the VM reached by guest code).
    /// The panic was contained to the sandbox's thread; the sandbox is dead.
    #[error("the guest interpreter failed internally and was stopped: {reason}")]
    InterpreterPanic {
        /// The panic message.
        reason: String,
    },
    /// The sandbox was called from its own thread: from a host function that the
    /// guest itself is calling. (The thread that would serve the call is the one
    /// waiting for it.)
    #[error("a sandbox cannot be called from inside one of its own host calls")]
    Reentrant,
    /// [`Sandbox::run`](crate::Sandbox::run) of a [`Code`](crate::Code)
    /// compiled under a fuel metering other than this sandbox's: code without
    /// fuel ticks would run unmetered, code with them metered where the
    /// policy says not to. Nothing ran.
    #[error("the code was compiled {} fuel metering; this sandbox runs {}", if *.compiled_metered { "with" } else { "without" }, if *.compiled_metered { "without" } else { "with" })]
    CodeMismatch {
        /// Whether the code carries fuel ticks.
        compiled_metered: bool,
    },
    /// The sandbox was stopped (its handle is being dropped, or an earlier
    /// terminal error ended it) and can run nothing more.
    #[error("the sandbox has been stopped")]
    Stopped,
    /// The worker process of a sandbox isolated in a process
    /// ([`Isolation::Process`](crate::Isolation::Process)) died (a signal, an
    /// abort, the seccomp filter, a resource limit), broke the protocol, or did
    /// not stop within the grace period and was killed. Terminal; the host and
    /// every other sandbox carry on.
    #[error("the sandbox's worker process crashed: {reason}")]
    WorkerCrashed {
        /// How the worker ended (`killed by signal 11`, `protocol error: ...`).
        reason: String,
    },
    /// The operation is not available to a sandbox isolated in a worker
    /// process yet (SPEC §2.1): capabilities do not cross the process wall.
    #[error("{operation} is not available in a sandbox isolated in a worker process")]
    Unsupported {
        /// What was asked for.
        operation: String,
    },
}

impl GuestError {
    /// A short name for the kind of error: the exception's class name for
    /// [`GuestError::Exception`], `"SyntaxError"`, or the variant's name
    /// (`"DeadlineExceeded"`, `"MemoryLimit"`, ...).
    pub fn kind(&self) -> &str {
        match self {
            GuestError::Exception { type_name, .. } => type_name,
            GuestError::Syntax { .. } => "SyntaxError",
            GuestError::SourceTooLarge { .. } => "SourceTooLarge",
            GuestError::SourceTooDeep { .. } => "SourceTooDeep",
            GuestError::Crossing(_) => "CrossingError",
            GuestError::Cap(_) => "CapabilityError",
            GuestError::OutputLimit { .. } => "OutputLimit",
            GuestError::MemoryLimit { .. } => "MemoryLimit",
            GuestError::DeadlineExceeded { .. } => "DeadlineExceeded",
            GuestError::FuelExhausted { .. } => "FuelExhausted",
            GuestError::InterpreterPanic { .. } => "InterpreterPanic",
            GuestError::Reentrant => "Reentrant",
            GuestError::CodeMismatch { .. } => "CodeMismatch",
            GuestError::Stopped => "Stopped",
            GuestError::WorkerCrashed { .. } => "WorkerCrashed",
            GuestError::Unsupported { .. } => "Unsupported",
        }
    }

    /// Whether this error is a resource limit (output, memory, deadline).
    pub fn is_limit(&self) -> bool {
        matches!(
            self,
            GuestError::OutputLimit { .. }
                | GuestError::MemoryLimit { .. }
                | GuestError::DeadlineExceeded { .. }
                | GuestError::FuelExhausted { .. }
        )
    }

    /// Whether this error ends the sandbox: every later call fails too.
    pub fn is_terminal(&self) -> bool {
        matches!(
            self,
            GuestError::OutputLimit { .. }
                | GuestError::MemoryLimit { .. }
                | GuestError::DeadlineExceeded { .. }
                | GuestError::FuelExhausted { .. }
                | GuestError::InterpreterPanic { .. }
                | GuestError::WorkerCrashed { .. }
                | GuestError::Stopped
        )
    }
}

/// Why a policy or a sandbox could not be set up.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// No such builtin (the name is not a Python builtin this runtime knows).
    #[error("unknown builtin `{0}`")]
    UnknownBuiltin(String),
    /// The builtin exists but is never granted to a guest (`open`, `eval`, ...).
    #[error("builtin `{0}` is never available to guests")]
    ForbiddenBuiltin(String),
    /// The module is not one a guest may import (not in the vetted list).
    #[error("module `{name}` cannot be granted to guests (importable: {available})")]
    ForbiddenModule {
        /// The module asked for.
        name: String,
        /// The modules that can be granted, comma-separated.
        available: String,
    },
    /// A limit was set to a value that cannot work (e.g. zero).
    #[error("invalid limit: {0}")]
    InvalidLimit(String),
    /// A policy file (TOML) did not parse, or a key's value was of the wrong
    /// kind (the message names the key, and the line for a syntax error).
    #[error("policy file: {0}")]
    PolicyFile(String),
    /// A door (a clock, `sys` data) was described in a way that cannot work.
    #[error("invalid door: {0}")]
    InvalidDoor(String),
    /// The policy has a memory budget, but the process's global allocator is not
    /// [`CountingAllocator`](crate::CountingAllocator), so it cannot be enforced.
    #[error("the policy sets a memory budget, but pyocap::CountingAllocator is not the global allocator \
             (add `#[global_allocator] static A: pyocap::CountingAllocator = pyocap::CountingAllocator::new();`, \
             or call Policy::max_memory(None))")]
    MemoryAccountingUnavailable,
    /// Too many sandboxes hold a memory account at once (4096).
    #[error("too many sandboxes are alive at once")]
    TooManySandboxes,
    /// The sandbox thread could not be started.
    #[error("could not start the sandbox thread: {0}")]
    Spawn(#[source] std::io::Error),
    /// The interpreter could not be initialised.
    #[error("could not initialise the guest interpreter: {0}")]
    Init(String),
    /// The policy asks for something a sandbox isolated in a worker process
    /// cannot have yet (mounts, the master module), or process isolation is
    /// not available on this platform.
    #[error("process isolation: {0}")]
    Isolation(String),
    /// The worker process could not be started or did not start correctly.
    #[error("could not start the worker process: {0}")]
    Worker(String),
}
