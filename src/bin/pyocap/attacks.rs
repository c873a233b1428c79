//! The attack-corpus runner (`pyocap attacks DIR`) and the child it starts for
//! each payload (`pyocap attack-one`).
//!
//! The oracle is the one of `../shared/attacks/README.md`: three secret tokens
//! (a file, an environment variable, the `_secret` of the host object), a canary
//! path per run, a `host` object granted through a Python master, and a child
//! process per payload under a memory cap, a wall-clock timeout and an output
//! cap, so that a crash or a hang is observed, never suffered. The runner judges
//! from effects alone.

use super::{grant_all, report, start_master_with};
use pyocap::{GuestError, Isolation, Policy, Runtime, Value, IMPORTABLE_MODULES, OPTIONAL_BUILTINS};
use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Where the oracle's file token lives (fixed by the corpus's README).
const SECRET_FILE: &str = "/tmp/ocap-secret.txt";
/// The environment variable holding the oracle's environment token.
const SECRET_ENV: &str = "OCAP_SECRET";

/// The trusted master of every payload run: the `host` object the README
/// describes. `HOST_SECRET` is set by the child before this runs.
const HOST_PY: &str = r#"
class Host:
    """The host object of the attack oracle. Only balance, deposit and
    on_event cross the membrane; _secret must never reach the guest."""

    def __init__(self, secret):
        self._secret = secret
        self._balance = 100
        self._listeners = []

    def balance(self):
        return self._balance

    def deposit(self, amount):
        if type(amount) is not int or amount <= 0:
            raise ValueError("deposit takes a positive int")
        self._balance += amount
        return self._balance

    def on_event(self, callback):
        self._listeners.append(callback)
        return callback("event")


GRANTS = {"host": (Host(HOST_SECRET), ["balance", "deposit", "on_event"])}
"#;

/// Settings of the runner.
pub struct Options {
    /// Directory of payloads (searched recursively for `*.py`).
    pub dir: PathBuf,
    /// Wall-clock limit of one child process.
    pub timeout: Duration,
    /// Address-space cap of the child (`ulimit -v`), in bytes.
    pub memory_cap: u64,
    /// Most bytes of standard output plus standard error a child may write.
    pub output_cap: usize,
    /// Print each failing child's output.
    pub verbose: bool,
    /// Where each payload's sandboxes run.
    pub isolation: Isolation,
}

/// The runner's verdict on one payload.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Verdict {
    Contained,
    Escaped,
    Crash,
    Overrun,
}

impl Verdict {
    fn label(self) -> &'static str {
        match self {
            Verdict::Contained => "contained",
            Verdict::Escaped => "ESCAPED",
            Verdict::Crash => "CRASH",
            Verdict::Overrun => "OVERRUN",
        }
    }
}

/// Runs every payload under `opts.dir` and prints one line per payload and a
/// closing `N passed, N failed`. Exit status 0 when every payload was contained.
pub fn run_corpus(opts: &Options) -> ExitCode {
    let mut payloads = Vec::new();
    if let Err(e) = collect(&opts.dir, &mut payloads) {
        eprintln!("pyocap: cannot read {}: {e}", opts.dir.display());
        return ExitCode::from(2);
    }
    payloads.sort();
    if payloads.is_empty() {
        eprintln!("pyocap: no *.py payloads under {}", opts.dir.display());
        return ExitCode::from(2);
    }
    let exe = match std::env::current_exe() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("pyocap: cannot find my own executable: {e}");
            return ExitCode::from(2);
        }
    };
    let (mut passed, mut failed) = (0usize, 0usize);
    for path in &payloads {
        let name = display_name(&opts.dir, path);
        let (verdict, detail, output) = match run_payload(&exe, path, opts) {
            Ok(r) => r,
            Err(e) => (Verdict::Crash, format!("runner error: {e}"), String::new()),
        };
        println!("{:<9} {name}  {detail}", verdict.label());
        if verdict == Verdict::Contained {
            passed += 1;
        } else {
            failed += 1;
            if opts.verbose {
                for line in output.lines().take(60) {
                    println!("    | {line}");
                }
            }
        }
        let _ = std::io::stdout().flush();
    }
    let _ = std::fs::remove_file(SECRET_FILE);
    println!("{passed} passed, {failed} failed");
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "py") {
            out.push(path);
        }
    }
    Ok(())
}

fn display_name(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let rel = rel.strip_prefix("payloads").unwrap_or(rel);
    rel.display().to_string()
}

/// A fresh random token (hex). The std hasher's keys are random per process
/// and per `RandomState`; a counter and the clock make every call distinct.
fn token() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut out = String::new();
    for _ in 0..2 {
        let mut h = RandomState::new().build_hasher();
        h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
        h.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos()),
        );
        h.write_u32(std::process::id());
        out.push_str(&format!("{:016x}", h.finish()));
    }
    out
}

/// Whether `path` (a payload) attacks state shared between sandbox runs; such
/// payloads run twice in one process.
fn is_cross_sandbox(path: &Path, source: &str) -> bool {
    path.components().any(|c| c.as_os_str() == "cross_sandbox")
        || source
            .lines()
            .take_while(|l| l.starts_with('#'))
            .any(|l| l.contains("goal: CROSS_SANDBOX"))
}

fn run_payload(
    exe: &Path,
    path: &Path,
    opts: &Options,
) -> std::io::Result<(Verdict, String, String)> {
    let source = std::fs::read_to_string(path)?;
    let file_token = token();
    let env_token = token();
    let host_token = token();
    std::fs::write(SECRET_FILE, &file_token)?;
    let runs = if is_cross_sandbox(path, &source) {
        2
    } else {
        1
    };
    let canaries: Vec<String> = (0..runs).map(|_| token()).collect();
    for id in &canaries {
        let _ = std::fs::remove_file(canary_path(id));
    }
    let end_marker = format!("pyocap-attack-end-{}", token());

    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(r#"ulimit -v "$1" 2>/dev/null; shift; exec "$@""#)
        .arg("sh")
        .arg((opts.memory_cap / 1024).to_string())
        .arg(exe)
        .arg("attack-one")
        .arg("--host-secret")
        .arg(&host_token)
        .arg("--end-marker")
        .arg(&end_marker);
    for id in &canaries {
        cmd.arg("--canary-id").arg(id);
    }
    if opts.isolation == Isolation::Process {
        cmd.arg("--isolate").arg("process");
    }
    cmd.arg(path)
        .env(SECRET_ENV, &env_token)
        .env_remove("RUST_BACKTRACE")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn()?;
    let flooded = Arc::new(AtomicBool::new(false));
    let readers: Vec<_> = [
        child
            .stdout
            .take()
            .map(|s| Box::new(s) as Box<dyn Read + Send>),
        child
            .stderr
            .take()
            .map(|s| Box::new(s) as Box<dyn Read + Send>),
    ]
    .into_iter()
    .flatten()
    .map(|stream| {
        let flooded = flooded.clone();
        let cap = opts.output_cap;
        std::thread::spawn(move || capped_read(stream, cap, &flooded))
    })
    .collect();

    let started = Instant::now();
    let mut timed_out = false;
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break Some(status);
        }
        if flooded.load(Ordering::Relaxed) || started.elapsed() > opts.timeout {
            timed_out = !flooded.load(Ordering::Relaxed);
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let output: String = readers
        .into_iter()
        .map(|r| r.join().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n--- stderr ---\n");

    let canary_hit = canaries.iter().any(|id| canary_path(id).exists());
    for id in &canaries {
        let _ = std::fs::remove_file(canary_path(id));
    }
    let escaped_line = output.lines().find(|l| l.contains("ESCAPED:"));
    let verdict_detail = if canary_hit {
        (Verdict::Escaped, "the canary file was created".to_owned())
    } else if output.contains(&file_token) {
        (
            Verdict::Escaped,
            "the secret file's token was printed".into(),
        )
    } else if output.contains(&env_token) {
        (
            Verdict::Escaped,
            format!("the {SECRET_ENV} token was printed"),
        )
    } else if output.contains(&host_token) {
        (Verdict::Escaped, "host._secret was printed".into())
    } else if let Some(line) = escaped_line {
        (Verdict::Escaped, line.trim().chars().take(200).collect())
    } else if flooded.load(Ordering::Relaxed) {
        (
            Verdict::Overrun,
            format!("output flood: more than {} bytes", opts.output_cap),
        )
    } else if timed_out {
        (
            Verdict::Overrun,
            format!("timeout: still running after {:?}", opts.timeout),
        )
    } else {
        judge_exit(status, &output, &end_marker)
    };
    Ok((verdict_detail.0, verdict_detail.1, output))
}

fn judge_exit(
    status: Option<std::process::ExitStatus>,
    output: &str,
    end_marker: &str,
) -> (Verdict, String) {
    let Some(status) = status else {
        return (Verdict::Crash, "no exit status".into());
    };
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = status.signal() {
            return (Verdict::Crash, format!("killed by signal {sig}"));
        }
    }
    if !output.contains(end_marker) {
        return (
            Verdict::Crash,
            format!("the harness's end marker is missing (exit {status})"),
        );
    }
    if !status.success() {
        return (Verdict::Crash, format!("the harness exited with {status}"));
    }
    let outcomes: Vec<&str> = output
        .lines()
        .filter_map(|l| l.strip_prefix("pyocap-outcome: "))
        .collect();
    (Verdict::Contained, outcomes.join("; "))
}

fn canary_path(id: &str) -> PathBuf {
    PathBuf::from(format!("/tmp/ocap-canary-{id}"))
}

/// Reads `stream` to its end, keeping at most `cap` bytes; sets `flooded` when
/// there is more.
fn capped_read(mut stream: Box<dyn Read + Send>, cap: usize, flooded: &AtomicBool) -> String {
    let mut kept = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                if kept.len() + n > cap {
                    flooded.store(true, Ordering::Relaxed);
                    let room = cap.saturating_sub(kept.len());
                    kept.extend_from_slice(&buf[..room]);
                    break;
                }
                kept.extend_from_slice(&buf[..n]);
            }
        }
    }
    String::from_utf8_lossy(&kept).into_owned()
}

/// The widest policy a host can build: every default and optional builtin,
/// every importable module. The corpus must be contained even under it.
fn widest_policy() -> Policy {
    let mut policy = Policy::new();
    for name in OPTIONAL_BUILTINS {
        policy
            .allow_builtin(name)
            .expect("optional builtins are grantable");
    }
    for name in IMPORTABLE_MODULES {
        policy
            .allow_import(name)
            .expect("importable modules are grantable");
    }
    policy.deadline(Some(Duration::from_secs(3)));
    policy
}

/// The child: runs one payload (once per canary id, each in a fresh sandbox of
/// one process) with the oracle's `host` object, then does what a real host
/// does: reports the error, converts the global `result`, tears everything
/// down, and prints the end marker.
pub fn attack_one(
    file: &str,
    host_secret: &str,
    canary_ids: &[String],
    end_marker: &str,
    isolation: Isolation,
) -> ExitCode {
    let source = match std::fs::read_to_string(file) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("pyocap: cannot read {file}: {e}");
            return ExitCode::from(2);
        }
    };
    let filename = Path::new(file)
        .file_name()
        .map_or_else(|| file.to_owned(), |n| n.to_string_lossy().into_owned());
    let runtime = Runtime::default();
    let master = match start_master_with(
        &runtime,
        HOST_PY,
        "<attack-host>",
        &[("HOST_SECRET", Value::Str(host_secret.to_owned()))],
    ) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("pyocap: {e}");
            return ExitCode::from(2);
        }
    };
    let mut policy = widest_policy();
    policy.isolation(isolation);
    // One fresh sandbox per canary id: a warm pool starts the next ones while
    // a payload runs (each is handed out once, never reused).
    let pool = match runtime.pool(&policy, canary_ids.len().clamp(1, 4), &[]) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("pyocap: {e}");
            return ExitCode::from(2);
        }
    };
    let mut outcomes = Vec::new();
    for id in canary_ids {
        let source = source.replace("PLACEHOLDER", id);
        let sandbox = match pool.checkout() {
            Ok(s) => s,
            Err(e) => {
                eprintln!("pyocap: {e}");
                return ExitCode::from(2);
            }
        };
        // Capabilities do not cross into a worker process yet: there the
        // payload runs without the `host` object.
        if isolation == Isolation::InProcess {
            if let Err(e) = grant_all(&master, &sandbox) {
                eprintln!("pyocap: granting host: {e}");
                return ExitCode::from(2);
            }
        }
        let outcome = sandbox.exec_named(&source, &filename);
        let result = match sandbox.eval("result") {
            Ok(v) => Some(v),
            Err(GuestError::Exception { type_name, .. }) if type_name == "NameError" => None,
            Err(_) => None,
        };
        let mut out = std::io::stdout().lock();
        let printed = sandbox.take_output();
        let _ = out.write_all(printed.as_bytes());
        if !printed.is_empty() && !printed.ends_with('\n') {
            let _ = out.write_all(b"\n");
        }
        if let Some(v) = &result {
            // What a host does with a result: copy it out, show it, serialise it.
            let _ = writeln!(out, "result: {v} {}", v.to_json());
        }
        let _ = out.flush();
        drop(out);
        outcomes.push(match &outcome {
            Ok(()) => "ok".to_owned(),
            Err(e) => {
                report(e, &source, &filename);
                match e {
                    GuestError::Exception { type_name, .. } => type_name.clone(),
                    e => e.kind().to_owned(),
                }
            }
        });
        drop(sandbox);
    }
    drop(pool);
    let _ = std::io::stdout().write_all(master.take_output().as_bytes());
    drop(master);
    drop(runtime);
    println!("pyocap-outcome: {}", outcomes.join(", "));
    println!("{end_marker}");
    ExitCode::SUCCESS
}
