//! [`Policy`]: what one sandbox's guest may reach, as explicit allowlists.

use crate::error::ConfigError;
use crate::value::DataLimits;
use std::collections::BTreeSet;
use std::time::Duration;

/// Builtins a default policy grants: computation on values the guest already
/// holds, and nothing that reaches code objects, namespaces of other code, the
/// file system, the console or the import system.
///
/// Besides these names, every builtin exception and warning class (a public name
/// bound to a subclass of `BaseException`) is always available, and so are the
/// constants `Ellipsis`, `NotImplemented` and `__debug__`.
pub const DEFAULT_BUILTINS: &[&str] = &[
    "__build_class__",
    "abs",
    "aiter",
    "all",
    "anext",
    "any",
    "ascii",
    "bin",
    "bool",
    "bytearray",
    "bytes",
    "callable",
    "chr",
    "classmethod",
    "complex",
    "delattr",
    "dict",
    "dir",
    "divmod",
    "enumerate",
    "filter",
    "float",
    "format",
    "frozenset",
    "getattr",
    "hasattr",
    "hash",
    "hex",
    "id",
    "int",
    "isinstance",
    "issubclass",
    "iter",
    "len",
    "list",
    "map",
    "max",
    "memoryview",
    "min",
    "next",
    "object",
    "oct",
    "ord",
    "pow",
    "print",
    "property",
    "range",
    "repr",
    "reversed",
    "round",
    "set",
    "setattr",
    "slice",
    "sorted",
    "staticmethod",
    "str",
    "sum",
    "super",
    "tuple",
    "type",
    "zip",
];

/// Builtins a policy may grant explicitly with [`Policy::allow_builtin`]: they
/// expose only the guest's own namespaces.
pub const OPTIONAL_BUILTINS: &[&str] = &["globals", "locals", "vars"];

/// Builtins no policy can grant. `open` and `input` would be ambient authority
/// (files, console); `eval`, `exec` and `compile` would let a guest run code with
/// namespaces of its choosing, including an unrestricted builtins module;
/// `breakpoint`, `exit`, `quit`, `help` and the site helpers reach the host's
/// console or process. `__import__` is always the runtime's own, governed by
/// [`Policy::allow_import`].
pub const FORBIDDEN_BUILTINS: &[&str] = &[
    "open",
    "input",
    "eval",
    "exec",
    "compile",
    "breakpoint",
    "exit",
    "quit",
    "help",
    "copyright",
    "credits",
    "license",
    "__import__",
    "__loader__",
    "__spec__",
    "__package__",
];

/// Modules a policy may let guests import: the standard library of pure
/// computation, compiled into the binary. A guest gets each as a sealed,
/// read-only view of its public API, over a fresh instance per sandbox; the
/// modules' own code runs with the guest's authority (no files, clock,
/// entropy or threads: `random` is seeded by [`Policy::random_seed`],
/// `datetime.now()` raises `PermissionError`).
pub const IMPORTABLE_MODULES: &[&str] = &[
    "abc",
    "bisect",
    "calendar",
    "cmath",
    "collections",
    "contextlib",
    "dataclasses",
    "datetime",
    "decimal",
    "difflib",
    "enum",
    "fractions",
    "functools",
    "heapq",
    "itertools",
    "json",
    "math",
    "numbers",
    "operator",
    "random",
    "re",
    "statistics",
    "string",
    "textwrap",
    "time",
    "typing",
];

/// What a guest may reach, and the per-sandbox limits. Safe by default:
/// [`Policy::new`] grants the [`DEFAULT_BUILTINS`] and no imports.
///
/// A policy is a value: it is copied into a sandbox when the sandbox starts, and
/// changing it afterwards affects only sandboxes started later.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Policy {
    pub(crate) builtins: BTreeSet<String>,
    pub(crate) imports: BTreeSet<String>,
    pub(crate) recursion_limit: usize,
    pub(crate) max_output: usize,
    pub(crate) max_source_bytes: usize,
    pub(crate) max_source_nesting: usize,
    pub(crate) data: DataLimits,
    pub(crate) max_memory: Option<usize>,
    pub(crate) deadline: Option<Duration>,
    pub(crate) fuel: Option<u64>,
    pub(crate) fuel_metering: bool,
    pub(crate) max_int_bits: u64,
    pub(crate) master: bool,
    pub(crate) random_seed: u64,
    pub(crate) clock: Option<crate::doors::Clock>,
    pub(crate) entropy: bool,
    pub(crate) sys: Option<crate::doors::SysData>,
    pub(crate) mounts: crate::mounts::Mounts,
    pub(crate) isolation: Isolation,
}

/// Where a sandbox's interpreter runs (SPEC §2.1).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Isolation {
    /// On a thread of the host process (the default): the in-process layers of
    /// SPEC §2 are the whole wall.
    #[default]
    InProcess,
    /// In a worker process of its own, confined by rlimits and a seccomp-BPF
    /// allowlist before it reads any guest text: a guest that crashes the
    /// interpreter crashes only its worker, and the host answers
    /// [`GuestError::WorkerCrashed`](crate::GuestError::WorkerCrashed). Linux
    /// only; see SPEC §2.1 for what crosses and what is not yet available.
    Process,
}

impl Default for Policy {
    fn default() -> Self {
        Self::new()
    }
}

impl Policy {
    /// The default policy: [`DEFAULT_BUILTINS`], no imports, and the default limits
    /// documented on each setter.
    pub fn new() -> Self {
        Policy {
            builtins: DEFAULT_BUILTINS.iter().map(|s| s.to_string()).collect(),
            imports: BTreeSet::new(),
            recursion_limit: 1000,
            max_output: 1 << 20,
            max_source_bytes: 1 << 20,
            max_source_nesting: 1000,
            data: DataLimits::default(),
            max_memory: Some(256 << 20),
            deadline: Some(Duration::from_secs(5)),
            fuel: None,
            fuel_metering: true,
            max_int_bits: 1 << 22,
            master: false,
            random_seed: 0,
            clock: None,
            entropy: false,
            sys: None,
            mounts: crate::mounts::Mounts::default(),
            isolation: Isolation::InProcess,
        }
    }

    /// A policy for trusted Python code acting as a *master*: the default
    /// builtins, every module in [`IMPORTABLE_MODULES`], and the `pyocap` module
    /// ([`Policy::allow_master_module`]). Still no filesystem, network, clock or
    /// environment: the master has only what the Rust host grants it.
    pub fn master() -> Self {
        let mut p = Policy::new();
        p.imports = IMPORTABLE_MODULES.iter().map(|s| s.to_string()).collect();
        p.allow_master_module(true);
        p
    }

    /// A policy with no builtins at all (not even `print` or `len`), no imports.
    /// Grant what the guest needs with [`Policy::allow_builtin`].
    pub fn empty() -> Self {
        Policy {
            builtins: BTreeSet::new(),
            ..Policy::new()
        }
    }

    /// Grants one builtin from [`DEFAULT_BUILTINS`] or [`OPTIONAL_BUILTINS`].
    ///
    /// Fails with [`ConfigError::ForbiddenBuiltin`] for a name in
    /// [`FORBIDDEN_BUILTINS`] and [`ConfigError::UnknownBuiltin`] for any other.
    pub fn allow_builtin(&mut self, name: &str) -> Result<&mut Self, ConfigError> {
        if FORBIDDEN_BUILTINS.contains(&name) {
            return Err(ConfigError::ForbiddenBuiltin(name.to_owned()));
        }
        if !DEFAULT_BUILTINS.contains(&name) && !OPTIONAL_BUILTINS.contains(&name) {
            return Err(ConfigError::UnknownBuiltin(name.to_owned()));
        }
        self.builtins.insert(name.to_owned());
        Ok(self)
    }

    /// Withdraws one builtin (a no-op if it was not granted).
    pub fn deny_builtin(&mut self, name: &str) -> &mut Self {
        self.builtins.remove(name);
        self
    }

    /// The builtins this policy grants (besides exception classes and constants).
    pub fn builtins(&self) -> impl Iterator<Item = &str> {
        self.builtins.iter().map(String::as_str)
    }

    /// Lets guests `import name`. Only [`IMPORTABLE_MODULES`] can be granted;
    /// anything else (`sys`, `gc`, `os`, ...) is [`ConfigError::ForbiddenModule`].
    pub fn allow_import(&mut self, name: &str) -> Result<&mut Self, ConfigError> {
        if !IMPORTABLE_MODULES.contains(&name) {
            return Err(ConfigError::ForbiddenModule {
                name: name.to_owned(),
                available: IMPORTABLE_MODULES.join(", "),
            });
        }
        self.imports.insert(name.to_owned());
        Ok(self)
    }

    /// Lets the code in this sandbox `import pyocap` and create sandboxes of its
    /// own (`pyocap.Sandbox(...)`), grant them its objects and run code in them:
    /// the authority of a master. Off by default; only for trusted code. Each
    /// sandbox it creates is bounded by its own policy, not by this one.
    pub fn allow_master_module(&mut self, yes: bool) -> &mut Self {
        self.master = yes;
        if yes {
            self.imports.insert("pyocap".to_owned());
        } else {
            self.imports.remove("pyocap");
        }
        self
    }

    /// The seed `random` uses when guest code gives none (`random.seed()`,
    /// `random.Random()`, and the module's own generator). Default: 0, so a
    /// guest's randomness is the same on every run. A sandbox has no entropy
    /// of its own: a host that wants unpredictable numbers passes a seed from
    /// its own source here.
    pub fn random_seed(&mut self, seed: u64) -> &mut Self {
        self.random_seed = seed;
        self
    }

    /// Grants the guest a clock (SPEC §4.6), or takes it away (`None`, the
    /// default). With one, `time.time()`, `time.monotonic()`,
    /// `datetime.now()` and `date.today()` read it and `time.sleep` waits on
    /// it (within the call's deadline and stops); without, they raise
    /// `PermissionError` and only the pure functions of `time` and
    /// `datetime` work. Guests import `time` only if the policy allows it.
    pub fn clock(&mut self, clock: Option<crate::doors::Clock>) -> &mut Self {
        self.clock = clock;
        self
    }

    /// The clock this policy grants, if any.
    pub fn granted_clock(&self) -> Option<&crate::doors::Clock> {
        self.clock.as_ref()
    }

    /// Grants the guest the host's entropy (SPEC §4.6): `random.seed()` with
    /// no argument, `random.Random()` and `random.SystemRandom` draw from the
    /// operating system's random source, and so does library code's
    /// `os.urandom`. Off by default: `random` is seeded by
    /// [`Policy::random_seed`] and every run gives the same numbers.
    pub fn entropy(&mut self, yes: bool) -> &mut Self {
        self.entropy = yes;
        self
    }

    /// Runs the sandbox in this process ([`Isolation::InProcess`], the
    /// default) or in a confined worker process of its own
    /// ([`Isolation::Process`]). A process sandbox cannot have mounts or the
    /// master module yet: [`Runtime::sandbox`](crate::Runtime::sandbox) refuses
    /// them with [`ConfigError::Isolation`].
    pub fn isolation(&mut self, isolation: Isolation) -> &mut Self {
        self.isolation = isolation;
        self
    }

    /// Where sandboxes of this policy run.
    pub fn isolation_mode(&self) -> Isolation {
        self.isolation
    }

    /// Whether this policy grants entropy.
    pub fn grants_entropy(&self) -> bool {
        self.entropy
    }

    /// Lets guests `import sys` and sets what it shows (SPEC §4.6): `data`'s
    /// `argv` and `platform`, the interpreter's constants (`version`,
    /// `version_info`, `maxsize`, `byteorder`, `float_info`, `int_info`, ...)
    /// as plain data, `sys.stdout` writing to the guest's output. Never
    /// `modules`, `path`, frames, hooks or tracing. `None` (the default)
    /// withdraws it.
    pub fn sys(&mut self, data: Option<crate::doors::SysData>) -> &mut Self {
        self.sys = data;
        self
    }

    /// The `sys` data this policy grants, if any.
    pub fn sys_data(&self) -> Option<&crate::doors::SysData> {
        self.sys.as_ref()
    }

    /// Mounts a host directory (SPEC §4.8): the guest gets the builtin
    /// `open` and `import os` (`os.listdir`, `os.path.exists` and the like;
    /// `os` is importable only with a mount), resolved only inside the mounted
    /// directories; relative paths start at the first mount. Fails for a
    /// mount point that overlaps one already granted. The mount is shared,
    /// not copied: [`Mount::revoke`](crate::Mount::revoke) reaches every
    /// sandbox started with this policy.
    pub fn mount(&mut self, mount: crate::mounts::Mount) -> Result<&mut Self, ConfigError> {
        self.mounts.add(mount)?;
        Ok(self)
    }

    /// The mounted directories, in the order granted.
    pub fn mounts(&self) -> impl Iterator<Item = &crate::mounts::Mount> {
        self.mounts.list.iter()
    }

    /// The modules guests may import.
    pub fn imports(&self) -> impl Iterator<Item = &str> {
        self.imports.iter().map(String::as_str)
    }

    /// Python recursion limit, which the guest cannot change. Default: 1000.
    /// Deep recursion ends in `RecursionError` inside the guest.
    pub fn recursion_limit(&mut self, depth: usize) -> Result<&mut Self, ConfigError> {
        if depth < 10 {
            return Err(ConfigError::InvalidLimit(format!(
                "recursion limit {depth} is below 10"
            )));
        }
        self.recursion_limit = depth;
        Ok(self)
    }

    /// Bytes the guest may print over the sandbox's life. Default: 1 MiB. Past it
    /// the call fails with [`GuestError::OutputLimit`](crate::GuestError::OutputLimit)
    /// and the sandbox is dead.
    pub fn max_output(&mut self, bytes: usize) -> &mut Self {
        self.max_output = bytes;
        self
    }

    /// Longest source accepted by `exec` and `eval`, in bytes. Default: 1 MiB.
    pub fn max_source_bytes(&mut self, bytes: usize) -> &mut Self {
        self.max_source_bytes = bytes;
        self
    }

    /// Deepest syntactic nesting accepted before parsing (brackets, operator
    /// chains, indentation: see `SPEC.md`). Default: 1000.
    pub fn max_source_nesting(&mut self, depth: usize) -> Result<&mut Self, ConfigError> {
        if depth > 10_000 {
            return Err(ConfigError::InvalidLimit(format!(
                "source nesting {depth} is over 10000, which the compiler's stack cannot be promised"
            )));
        }
        self.max_source_nesting = depth;
        Ok(self)
    }

    /// The memory budget this policy sets ([`Policy::max_memory`]).
    pub fn memory_budget(&self) -> Option<usize> {
        self.max_memory
    }

    /// Memory budget of the sandbox, in bytes, or `None` for no budget. Default:
    /// 256 MiB. It counts everything allocated on the sandbox's thread (the
    /// interpreter itself takes a few MiB). Crossing it stops the guest with
    /// [`GuestError::MemoryLimit`](crate::GuestError::MemoryLimit) at its next
    /// instruction or native check (the request that crossed it is satisfied, so
    /// peak use can pass the budget by that request), and a single allocation that
    /// would take it past three times the budget freezes the sandbox thread for good
    /// instead (see `SPEC.md` §5.6). Needs [`CountingAllocator`](crate::CountingAllocator)
    /// as the global allocator.
    pub fn max_memory(&mut self, bytes: Option<usize>) -> Result<&mut Self, ConfigError> {
        if bytes.is_some_and(|b| b < 8 << 20) {
            return Err(ConfigError::InvalidLimit(
                "a memory budget below 8 MiB cannot hold an interpreter".into(),
            ));
        }
        self.max_memory = bytes;
        Ok(self)
    }

    /// Wall-clock time each call (`exec`, `eval`, `call`, ...) may take, or `None`
    /// for no deadline. Default: 5 s. Past it the guest is stopped with
    /// [`GuestError::DeadlineExceeded`](crate::GuestError::DeadlineExceeded).
    ///
    /// Wall-clock time depends on the build: in a dependent crate's debug build
    /// without `[profile.dev.package."*"] opt-level = 2` (README, "Use from your
    /// own crate") the interpreter runs unoptimised, about 16 times slower, so
    /// guest code that passes in release can hit its deadline in debug. For a
    /// limit that is the same in every build, use fuel ([`Policy::fuel`]).
    pub fn deadline(&mut self, limit: Option<Duration>) -> &mut Self {
        self.deadline = limit;
        self
    }

    /// Fuel of each call (`exec`, `eval`, `call`, ...), in abstract work units, or
    /// `None` for unmetered calls. Default: `None` (the deadline bounds them).
    ///
    /// Fuel is deterministic: the same code on the same inputs uses the same
    /// units and, out of fuel, stops at the same point on every run, with
    /// [`GuestError::FuelExhausted`](crate::GuestError::FuelExhausted). Each loop
    /// iteration and each function call costs the number of statements its body
    /// runs straight through (at least 1); each item of a built-in iterator
    /// consumed by native code (`sum`, `sorted`, `list`, ...) costs 1. See
    /// `SPEC.md` for what is and is not metered. [`Sandbox::set_fuel`](crate::Sandbox::set_fuel)
    /// changes it for one sandbox; [`Sandbox::fuel`](crate::Sandbox::fuel) reads
    /// what a call used.
    pub fn fuel(&mut self, units: Option<u64>) -> &mut Self {
        self.fuel = units;
        self
    }

    /// Whether guest code is compiled with fuel ticks. Default: `true`. Turning it
    /// off saves the ticks' cost (a few percent, see `SPEC.md`) for hosts that
    /// never use fuel: such a sandbox refuses a fuel budget
    /// ([`ConfigError::InvalidLimit`] when it starts with one, and from
    /// [`Sandbox::set_fuel`](crate::Sandbox::set_fuel)), and still counts
    /// natively consumed iterator items in [`Sandbox::fuel`](crate::Sandbox::fuel).
    pub fn fuel_metering(&mut self, enabled: bool) -> &mut Self {
        self.fuel_metering = enabled;
        self
    }

    /// Largest integer, in bits, that `**`, `pow()`, `<<`, `*` (while not
    /// specialised by the interpreter), `math.factorial`, `math.comb` and
    /// `math.perm` may produce. Default: 4 Mibit (about 1.26 million decimal
    /// digits; computing one takes well under a second). Larger results are
    /// refused with `OverflowError` before any work is done: these native
    /// operations never return to the interpreter while they run, so neither
    /// the deadline nor fuel could stop them. Allowed results cost one fuel
    /// unit per 64 bits. `pow(b, e, m)` may do at most `bits * 2^20` work,
    /// counted as bits(e) · bits(m)² (by default 2^42, about a second).
    pub fn max_int_bits(&mut self, bits: u64) -> &mut Self {
        self.max_int_bits = bits;
        self
    }

    /// Bounds on data crossing the membrane in either direction.
    pub fn data_limits(&mut self, limits: DataLimits) -> &mut Self {
        self.data = limits;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_grants_no_dangerous_builtin() {
        let p = Policy::new();
        for name in FORBIDDEN_BUILTINS.iter().chain(OPTIONAL_BUILTINS) {
            assert!(!p.builtins.contains(*name), "{name} granted by default");
        }
        assert_eq!(p.imports().count(), 0);
    }

    #[test]
    fn forbidden_and_unknown_are_refused() {
        let mut p = Policy::new();
        assert!(matches!(
            p.allow_builtin("eval"),
            Err(ConfigError::ForbiddenBuiltin(_))
        ));
        assert!(matches!(
            p.allow_builtin("nope"),
            Err(ConfigError::UnknownBuiltin(_))
        ));
        assert!(matches!(
            p.allow_import("sys"),
            Err(ConfigError::ForbiddenModule { .. })
        ));
        assert!(p.allow_builtin("globals").is_ok());
        assert!(p.allow_import("math").is_ok());
    }
}
