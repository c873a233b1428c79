//! How a worker confines itself (SPEC §2.1), in two steps: resource limits
//! first (before the interpreter is built), then, once the sandbox is built
//! and before any guest text is read, no-new-privileges and a seccomp-BPF
//! allowlist on every thread of the process. A system call outside the
//! allowlist kills the whole worker (`SIGSYS`).

use super::protocol::Init;

/// Why confinement failed (the worker then refuses to serve).
#[derive(Debug, thiserror::Error)]
pub(crate) enum ConfineError {
    #[error("setrlimit({0}): {1}")]
    Limit(&'static str, String),
    #[error("seccomp: {0}")]
    Seccomp(String),
    #[error("process isolation needs Linux on x86_64 or aarch64")]
    Unsupported,
}

/// `RLIMIT_AS` (when the sandbox has a memory budget), `RLIMIT_CPU` and
/// `RLIMIT_CORE` (no core dumps of guest memory).
#[cfg(target_os = "linux")]
pub(crate) fn limits(init: &Init) -> Result<(), ConfineError> {
    use rustix::process::{setrlimit, Resource, Rlimit};
    let set = |what: &'static str, resource: Resource, value: Option<u64>| {
        setrlimit(
            resource,
            Rlimit {
                current: value,
                maximum: value,
            },
        )
        .map_err(|e| ConfineError::Limit(what, e.to_string()))
    };
    if let Some(bytes) = init.address_space {
        set("RLIMIT_AS", Resource::As, Some(bytes))?;
    }
    set("RLIMIT_CPU", Resource::Cpu, Some(init.cpu_seconds.max(1)))?;
    set("RLIMIT_CORE", Resource::Core, Some(0))?;
    Ok(())
}

#[cfg(not(target_os = "linux"))]
pub(crate) fn limits(_init: &Init) -> Result<(), ConfineError> {
    Err(ConfineError::Unsupported)
}

/// The last step, once every descriptor the worker needs is open (only its
/// socket, as fds 0 and 1, and stderr): `RLIMIT_NOFILE` at 3 (no descriptor
/// can be made), no-new-privileges, and the allowlist, synchronised to
/// every thread.
#[cfg(target_os = "linux")]
pub(crate) fn lock_down() -> Result<(), ConfineError> {
    use rustix::process::{setrlimit, Resource, Rlimit};
    setrlimit(
        Resource::Nofile,
        Rlimit {
            current: Some(3),
            maximum: Some(3),
        },
    )
    .map_err(|e| ConfineError::Limit("RLIMIT_NOFILE", e.to_string()))?;
    rustix::thread::set_no_new_privs(true).map_err(|e| ConfineError::Seccomp(e.to_string()))?;
    for program in filters()? {
        seccompiler::apply_filter_all_threads(&program)
            .map_err(|e| ConfineError::Seccomp(e.to_string()))?;
    }
    Ok(())
}

#[cfg(not(target_os = "linux"))]
pub(crate) fn lock_down() -> Result<(), ConfineError> {
    Err(ConfineError::Unsupported)
}

/// The allowlist, stated in SPEC §2.1. Descriptor arguments are pinned: reads
/// only from fd 0 and writes only to fds 1 and 2 (the socket, and stderr),
/// memory maps only anonymous (fd -1), so a descriptor the worker inherited
/// by accident is useless to it. `clone` only with `CLONE_THREAD` (threads,
/// never a process); `clone3`, whose flags a filter cannot read, answers
/// `ENOSYS` (the C library then uses `clone`).
#[cfg(target_os = "linux")]
fn filters() -> Result<Vec<seccompiler::BpfProgram>, ConfineError> {
    use seccompiler::{
        SeccompAction, SeccompCmpArgLen as Len, SeccompCmpOp as Op, SeccompCondition as Cond,
        SeccompFilter, SeccompRule, TargetArch,
    };
    use std::collections::BTreeMap;
    let bad = |e: seccompiler::BackendError| ConfineError::Seccomp(e.to_string());
    let arch: TargetArch = std::env::consts::ARCH
        .try_into()
        .map_err(|_| ConfineError::Unsupported)?;
    let arg = |index: u8, op: Op, value: u64| Cond::new(index, Len::Dword, op, value).map_err(bad);
    let one = |conds: Vec<Cond>| SeccompRule::new(conds).map_err(bad);
    let mut rules: BTreeMap<i64, Vec<SeccompRule>> = BTreeMap::new();
    // Unconditional: memory, threads' own bookkeeping, time, waiting, exit.
    for nr in [
        libc::SYS_munmap,
        libc::SYS_mremap,
        libc::SYS_mprotect,
        libc::SYS_brk,
        libc::SYS_futex,
        libc::SYS_nanosleep,
        libc::SYS_gettimeofday,
        libc::SYS_sched_yield,
        libc::SYS_getrandom,
        libc::SYS_gettid,
        libc::SYS_getpid,
        libc::SYS_set_robust_list,
        libc::SYS_rseq,
        libc::SYS_sigaltstack,
        libc::SYS_rt_sigprocmask,
        libc::SYS_rt_sigaction,
        libc::SYS_rt_sigreturn,
        libc::SYS_exit,
        libc::SYS_exit_group,
        libc::SYS_close,
        libc::SYS_membarrier,
    ] {
        rules.insert(nr, vec![]);
    }
    // Clocks: the system's own (ids 0 to 15), never a CPU clock of another
    // process or thread (negative ids), which would time the host.
    for nr in [libc::SYS_clock_gettime, libc::SYS_clock_getres, libc::SYS_clock_nanosleep] {
        rules.insert(nr, vec![one(vec![arg(0, Op::Le, 15)?])?]);
    }
    // CPU sets: allowed here, but the second filter answers `ENOSYS` for any
    // pid but 0 (its own), so no other process can be probed (the C library
    // asks with a thread's own id, and takes `ENOSYS` as "unknown").
    rules.insert(libc::SYS_sched_getaffinity, vec![]);
    // The advice an allocator gives, never the kinds that act on the
    // machine's memory (`MADV_HWPOISON`, `MADV_SOFT_OFFLINE`, ...).
    let advice = [
        libc::MADV_NORMAL,
        libc::MADV_RANDOM,
        libc::MADV_SEQUENTIAL,
        libc::MADV_WILLNEED,
        libc::MADV_DONTNEED,
        libc::MADV_FREE,
        libc::MADV_HUGEPAGE,
        libc::MADV_NOHUGEPAGE,
    ];
    rules.insert(
        libc::SYS_madvise,
        advice
            .iter()
            .map(|&a| one(vec![arg(2, Op::Eq, a as u64)?]))
            .collect::<Result<_, _>>()?,
    );
    rules.insert(libc::SYS_read, vec![one(vec![arg(0, Op::Eq, 0)?])?]);
    rules.insert(
        libc::SYS_write,
        vec![one(vec![arg(0, Op::Eq, 1)?])?, one(vec![arg(0, Op::Eq, 2)?])?],
    );
    rules.insert(libc::SYS_mmap, vec![one(vec![arg(4, Op::Eq, u32::MAX as u64)?])?]);
    let thread = libc::CLONE_THREAD as u64;
    rules.insert(libc::SYS_clone, vec![one(vec![arg(0, Op::MaskedEq(thread), thread)?])?]);
    rules.insert(libc::SYS_clone3, vec![]);
    rules.insert(
        libc::SYS_prctl,
        vec![one(vec![arg(0, Op::Eq, libc::PR_SET_NAME as u64)?])?],
    );
    let allow = SeccompFilter::new(rules, SeccompAction::KillProcess, SeccompAction::Allow, arch)
        .map_err(bad)?;
    let allow: seccompiler::BpfProgram = allow.try_into().map_err(bad)?;
    // A second filter answers `ENOSYS` to `clone3` and to `sched_getaffinity`
    // of another pid (filters stack; the stricter answer wins, so everything
    // else stays as the first decides).
    let clone3 = SeccompFilter::new(
        [
            (libc::SYS_clone3, vec![]),
            (libc::SYS_sched_getaffinity, vec![one(vec![arg(0, Op::Ne, 0)?])?]),
        ]
        .into_iter()
        .collect(),
        SeccompAction::Allow,
        SeccompAction::Errno(libc::ENOSYS as u32),
        arch,
    )
    .map_err(bad)?;
    let clone3: seccompiler::BpfProgram = clone3.try_into().map_err(bad)?;
    // The allowlist last: installing a filter makes system calls (prctl)
    // that the allowlist itself refuses.
    Ok(vec![clone3, allow])
}
