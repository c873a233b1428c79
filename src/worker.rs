//! The worker side of process isolation (SPEC §2.1): a program started with
//! the worker argument builds one in-process sandbox from the policy the
//! host sends, confines itself (rlimits, no-new-privileges, the seccomp
//! allowlist) before it reads any guest text, and then serves the host's
//! jobs over its standard input and output until the host closes them.

use crate::config::Config;
use crate::error::GuestError;
use crate::policy::{Isolation, Policy};
use crate::process::confine;
use crate::process::protocol::{
    flatten, read_frame, unflatten, write_frame, Done, FrameLimits, FromWorker, Init, ToWorker, WireJob,
    WORKER_ARG,
};
use crate::runtime::Runtime;
use crate::value::Value;
use parking_lot::Mutex;
use std::sync::{mpsc, Arc};

/// Serves as a sandbox's worker process, and never returns, if this process
/// was started as one (its first argument is the worker argument); returns at
/// once otherwise. A host program whose sandboxes use
/// [`Isolation::Process`] calls it first thing in `main` (before it opens
/// files or starts threads), or names another program with
/// [`Config::worker_program`] (the `pyocap` binary calls it).
///
/// ```no_run
/// fn main() {
///     pyocap::serve_worker_if_requested();
///     // ... the host program
/// }
/// ```
pub fn serve_worker_if_requested() {
    let mut args = std::env::args_os().skip(1);
    match args.next() {
        Some(a) if a == WORKER_ARG => std::process::exit(serve()),
        Some(a) if a == SELF_TEST_ARG => {
            let probe = args.next().and_then(|p| p.into_string().ok()).unwrap_or_default();
            std::process::exit(self_test(&probe))
        }
        _ => {}
    }
}

/// The argument of the worker's self-test: confine as a worker does, then
/// try one thing ([`SELF_TEST_PROBES`]).
const SELF_TEST_ARG: &str = "--pyocap-worker-self-test";

/// What the self-test can try once confined: `control` (threads, time,
/// memory and output: must work), `open`, `socket`, `execve`, `fork` (each
/// must kill the worker with `SIGSYS`), and `address-space` (a 1 GiB
/// reservation under a 512 MiB `RLIMIT_AS`: must be refused).
pub const SELF_TEST_PROBES: &[&str] = &["control", "open", "socket", "execve", "fork", "address-space"];

/// How one self-test probe ended, as [`worker_self_test`] reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SelfTestOutcome {
    /// The probe's name (one of [`SELF_TEST_PROBES`]).
    pub probe: String,
    /// What was expected: `"works"`, `"killed by SIGSYS"` or `"refused"`.
    pub expected: &'static str,
    /// What happened (the worker's output, or how it died).
    pub observed: String,
    /// Whether that is what was expected.
    pub passed: bool,
}

/// Runs every probe of the worker's self-test in its own confined worker
/// (`program`, a binary that calls [`serve_worker_if_requested`]) and reports
/// each: proof that the allowlist and the limits hold on this machine
/// (`pyocap self-test-isolation` prints it).
pub fn worker_self_test(program: &std::path::Path) -> std::io::Result<Vec<SelfTestOutcome>> {
    use std::os::unix::process::ExitStatusExt;
    SELF_TEST_PROBES
        .iter()
        .map(|probe| {
            let out = std::process::Command::new(program)
                .arg(SELF_TEST_ARG)
                .arg(probe)
                .env_clear()
                .stdin(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .output()?;
            let text = String::from_utf8_lossy(&out.stdout).trim().to_owned();
            let observed = match out.status.signal() {
                Some(31) => "killed by SIGSYS".to_owned(),
                Some(sig) => format!("killed by signal {sig}"),
                None => format!("{text} (exit {})", out.status.code().unwrap_or(-1)),
            };
            let (expected, passed) = match *probe {
                "control" => ("works", out.status.success() && text == "works"),
                "address-space" => ("refused", out.status.success() && text == "refused"),
                _ => ("killed by SIGSYS", out.status.signal() == Some(31)),
            };
            Ok(SelfTestOutcome {
                probe: (*probe).to_owned(),
                expected,
                observed,
                passed,
            })
        })
        .collect()
}

fn self_test(probe: &str) -> i32 {
    use std::io::Write;
    let init = Init {
        policy: String::new(),
        stack_size: 0,
        hash_seed: 0,
        cpu_seconds: 10,
        address_space: Some(512 << 20),
    };
    if let Err(e) = confine::limits(&init).and_then(|()| confine::lock_down()) {
        println!("not confined: {e}");
        return 2;
    }
    let said = |what: &str| {
        let mut out = std::io::stdout();
        let _ = writeln!(out, "{what}");
        let _ = out.flush();
    };
    match probe {
        "control" => {
            let worked = std::thread::spawn(|| {
                let v: Vec<u64> = (0..100_000).collect();
                std::thread::sleep(std::time::Duration::from_millis(1));
                v.iter().sum::<u64>() == 4_999_950_000
            })
            .join()
            .unwrap_or(false);
            said(if worked { "works" } else { "failed" });
            if worked { 0 } else { 1 }
        }
        "open" => {
            let opened = std::fs::File::open("/etc/hostname").is_ok();
            said(if opened { "opened a file" } else { "open failed" });
            1
        }
        "socket" => {
            let made = std::net::UdpSocket::bind("127.0.0.1:0").is_ok();
            said(if made { "made a socket" } else { "socket failed" });
            1
        }
        "execve" => {
            use std::os::unix::process::CommandExt;
            let e = std::process::Command::new("/bin/true").exec();
            said(&format!("execve failed: {e}"));
            1
        }
        "fork" => {
            let forked = std::process::Command::new("/bin/true").status().is_ok();
            said(if forked { "forked" } else { "fork failed" });
            1
        }
        "address-space" => {
            let mut v: Vec<u8> = Vec::new();
            let refused = v.try_reserve_exact(1 << 30).is_err();
            said(if refused { "refused" } else { "allocated 1 GiB" });
            0
        }
        _ => {
            said("unknown probe");
            2
        }
    }
}

/// How often a worker sends what its guest printed while a job runs.
const OUTPUT_TICK: std::time::Duration = std::time::Duration::from_millis(5);

/// Exit status of a worker whose host sent something else than an `Init`
/// first, or whose set-up failed.
const BAD_START: i32 = 70;

fn serve() -> i32 {
    let out = Arc::new(Mutex::new(std::io::stdout()));
    let send = |out: &Mutex<std::io::Stdout>, msg: &FromWorker| {
        write_frame(&mut *out.lock(), msg).is_ok()
    };
    let stdin = std::io::stdin();
    let init: Init = match read_frame(&mut stdin.lock(), &FrameLimits::trusted()) {
        Ok(ToWorker::Init(init)) => init,
        _ => return BAD_START,
    };
    let failed = |why: String| {
        send(&out, &FromWorker::InitFailed(why));
        BAD_START
    };
    if let Err(e) = confine::limits(&init) {
        return failed(e.to_string());
    }
    let mut policy = match Policy::from_toml(&init.policy) {
        Ok(p) => p,
        Err(e) => return failed(e.to_string()),
    };
    policy.isolation(Isolation::InProcess);
    let mut config = Config::new();
    config.stack_size(init.stack_size).hash_seed(init.hash_seed);
    let runtime = match Runtime::new(&config) {
        Ok(r) => r,
        Err(e) => return failed(e.to_string()),
    };
    let sandbox = match runtime.sandbox(&policy) {
        Ok(s) => s,
        Err(e) => return failed(e.to_string()),
    };
    // What the guest prints is gathered and sent a few milliseconds at a time
    // (one frame per print would cost the host four thread wake-ups each),
    // and all of it before the job's answer.
    let printed = Arc::new(Mutex::new(String::new()));
    let gathered = printed.clone();
    sandbox.stream_output(move |text| gathered.lock().push_str(text));
    let flush = {
        let (out, printed) = (out.clone(), printed.clone());
        move || {
            let mut out = out.lock();
            let text = std::mem::take(&mut *printed.lock());
            text.is_empty() || write_frame(&mut *out, &FromWorker::Output(text)).is_ok()
        }
    };
    let periodic = flush.clone();
    let flusher = std::thread::Builder::new()
        .name("pyocap-worker-output".into())
        .stack_size(256 << 10)
        .spawn(move || loop {
            std::thread::sleep(OUTPUT_TICK);
            if !periodic() {
                return;
            }
        });
    if let Err(e) = flusher {
        return failed(e.to_string());
    }
    let stop = sandbox.stop_handle();
    let (jobs_tx, jobs) = mpsc::channel();
    let reader = std::thread::Builder::new()
        .name("pyocap-worker-inbox".into())
        .stack_size(256 << 10)
        .spawn(move || loop {
            match read_frame(&mut stdin.lock(), &FrameLimits::trusted()) {
                Ok(ToWorker::Job { fuel, job }) => {
                    if jobs_tx.send((fuel, job)).is_err() {
                        return;
                    }
                }
                Ok(ToWorker::Stop) => {
                    stop.stop();
                }
                // The host closed the socket (it is done with this sandbox)
                // or broke the protocol: nothing is left to serve.
                Ok(ToWorker::Init(_)) | Err(_) => std::process::exit(0),
            }
        });
    if let Err(e) = reader {
        return failed(e.to_string());
    }
    if let Err(e) = confine::lock_down() {
        return failed(e.to_string());
    }
    if !send(&out, &FromWorker::Ready) {
        return BAD_START;
    }
    // The host's values passed its own checks; an int a host hands in may be
    // larger than any guest could make (as in process).
    let limits = (policy.data.clone(), u64::MAX);
    loop {
        // A job that follows quickly is taken without parking this thread.
        let next = match crate::inbox::spin_recv(&jobs) {
            Some(Ok(job)) => Ok(job),
            Some(Err(_)) => Err(mpsc::RecvError),
            None => jobs.recv(),
        };
        let Ok((fuel, job)) = next else { break };
        if sandbox.set_fuel(fuel).is_err() {
            // Fuel for a sandbox without metering: the host refuses that first.
            return BAD_START;
        }
        let outcome = run(&sandbox, job, &limits).and_then(|v| {
            flatten(&v).map_err(|_| GuestError::Unsupported {
                operation: "a capability crossing out of a worker process".into(),
            })
        });
        if !flush() {
            break;
        }
        let fuel = sandbox.fuel();
        let done = Done {
            outcome: outcome.map_err(Into::into),
            fuel_used: fuel.consumed,
            fuel_left: fuel.remaining,
            memory_used: sandbox.memory_used() as u64,
            memory_peak: sandbox.memory_peak() as u64,
        };
        if !send(&out, &FromWorker::Done(done)) {
            break;
        }
    }
    0
}

fn run(
    sandbox: &crate::Sandbox,
    job: WireJob,
    (limits, max_int_bits): &(crate::value::DataLimits, u64),
) -> Result<Value, GuestError> {
    use crate::process::protocol::WireError;
    use crate::value::CrossingError;
    let value = |flat| {
        unflatten(flat, limits, *max_int_bits).map_err(|e| {
            GuestError::Crossing(match e {
                WireError::TooManyItems => CrossingError::TooManyItems {
                    limit: limits.max_items,
                },
                WireError::TooManyBytes | WireError::IntTooLarge => CrossingError::TooLarge {
                    limit: limits.max_bytes,
                },
                _ => CrossingError::TooDeep {
                    limit: limits.max_depth,
                },
            })
        })
    };
    match job {
        WireJob::Exec { source, filename } => sandbox.exec_named(&source, &filename).map(|()| Value::None),
        WireJob::Eval { source } => sandbox.eval(&source),
        WireJob::Call { name, args } => {
            let args = args.into_iter().map(value).collect::<Result<Vec<_>, _>>()?;
            sandbox.call(&name, &args)
        }
        WireJob::SetGlobal { name, value: v } => sandbox.set_global(&name, value(v)?).map(|()| Value::None),
        WireJob::GrantMapping { name, entries } => {
            sandbox.grant_mapping(&name, value(entries)?).map(|()| Value::None)
        }
    }
}
