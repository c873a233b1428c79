//! The differential suite (SPEC §8, issue 20): every program under
//! `tests/differential/cases` runs under CPython 3.11 and in a fresh pyocap
//! sandbox, and the two must print the same standard output and end with the
//! same uncaught exception (its type, without the module path, and message).
//!
//! A program that differs on purpose or from a known engine fault is listed in
//! `tests/differential/differences.txt` with its reason. The run fails when an
//! unlisted program differs, when a listed one no longer differs (the list
//! must stay true), when a listed one does not exist, or when fewer programs
//! than [`MIN_IDENTICAL_PERCENT`] are identical.
//!
//! `cargo test --test differential` runs it; `-- WORD` runs the cases whose
//! path contains WORD; `PYOCAP_DIFF_VERBOSE=1` shows every difference, listed
//! or not; `PYOCAP_CPYTHON=/path/to/python3.11` names the reference
//! interpreter (default: `python3.11`, then `python3`, which must be 3.11).
//! Without one the suite is skipped, unless `PYOCAP_REQUIRE_CPYTHON` is set
//! (CI sets it).

#[global_allocator]
static ALLOC: pyocap::CountingAllocator = pyocap::CountingAllocator::new();

use pyocap::{Config, GuestError, Isolation, Policy, Runtime, IMPORTABLE_MODULES};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The share of programs that must be identical. The target is 95 %;
/// this floor only rises.
const MIN_IDENTICAL_PERCENT: f64 = 65.0;

/// How long CPython may take on one program before the suite calls it hung.
const CPYTHON_TIMEOUT: Duration = Duration::from_secs(30);

/// What a program did: its standard output and its uncaught exception as
/// `Type: message` (or `Type` when the message is empty).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Outcome {
    stdout: String,
    exception: Option<String>,
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/differential")
}

/// Every `.py` under `dir`, as paths relative to it with `/` separators, sorted.
fn cases(dir: &Path) -> Vec<String> {
    fn walk(dir: &Path, base: &Path, out: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, base, out);
            } else if path.extension().is_some_and(|e| e == "py") {
                let rel = path.strip_prefix(base).unwrap_or(&path);
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// `differences.txt`: `path: reason` per line; `#` starts a comment.
fn listed_differences(file: &Path) -> Result<BTreeMap<String, String>, String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let mut listed = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((path, reason)) = line.split_once(": ") else {
            return Err(format!("differences.txt:{}: expected `path: reason`", n + 1));
        };
        if reason.trim().is_empty() {
            return Err(format!("differences.txt:{}: a difference needs its reason", n + 1));
        }
        if listed.insert(path.trim().to_owned(), reason.trim().to_owned()).is_some() {
            return Err(format!("differences.txt:{}: {path} listed twice", n + 1));
        }
    }
    Ok(listed)
}

/// The reference interpreter: `PYOCAP_CPYTHON`, else `python3.11`, else
/// `python3`, provided it is CPython 3.11.
fn cpython() -> Result<String, String> {
    let candidates: Vec<String> = match std::env::var("PYOCAP_CPYTHON") {
        Ok(p) => vec![p],
        Err(_) => vec!["python3.11".into(), "python3".into()],
    };
    for exe in &candidates {
        let probe = Command::new(exe)
            .args([
                "-c",
                "import sys, platform; print(platform.python_implementation(), *sys.version_info[:2])",
            ])
            .output();
        if let Ok(out) = probe {
            if String::from_utf8_lossy(&out.stdout).trim() == "CPython 3 11" {
                return Ok(exe.clone());
            }
        }
    }
    Err(format!(
        "no CPython 3.11 found (tried {}); set PYOCAP_CPYTHON",
        candidates.join(", ")
    ))
}

/// The last line of a CPython traceback, as `Type: message` with the type's
/// module path dropped (`json.decoder.JSONDecodeError` is `JSONDecodeError`).
fn exception_line(stderr: &str) -> String {
    let last = stderr.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("");
    let (ty, message) = match last.split_once(": ") {
        Some((t, m)) if !t.contains(' ') => (t, Some(m)),
        _ => (last.trim_end_matches(':'), None),
    };
    let ty = ty.rsplit('.').next().unwrap_or(ty);
    match message {
        Some(m) if !m.is_empty() => format!("{ty}: {m}"),
        _ => ty.to_owned(),
    }
}

fn run_cpython(exe: &str, file: &Path) -> Result<Outcome, String> {
    let mut child = Command::new(exe)
        .args(["-I", "-X", "utf8"])
        .arg(file)
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONIOENCODING", "utf-8")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {exe}: {e}"))?;
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if started.elapsed() > CPYTHON_TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("CPython took over {CPYTHON_TIMEOUT:?}"));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(2)),
            Err(e) => return Err(e.to_string()),
        }
    }
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let exception = (!out.status.success()).then(|| exception_line(&stderr));
    Ok(Outcome { stdout, exception })
}

/// The policy every case runs under: the default one, every importable
/// module, and a deadline long enough for any ordinary program here.
fn policy() -> Policy {
    let mut policy = Policy::new();
    for module in IMPORTABLE_MODULES {
        policy.allow_import(module).expect("importable");
    }
    policy.deadline(Some(Duration::from_secs(20)));
    policy
}

fn run_pyocap(runtime: &Runtime, policy: &Policy, file: &Path, rel: &str) -> Outcome {
    let source = match std::fs::read_to_string(file) {
        Ok(s) => s,
        Err(e) => {
            return Outcome {
                stdout: String::new(),
                exception: Some(format!("(cannot read the case: {e})")),
            }
        }
    };
    let sandbox = match runtime.sandbox(policy) {
        Ok(s) => s,
        Err(e) => {
            return Outcome {
                stdout: String::new(),
                exception: Some(format!("(no sandbox: {e})")),
            }
        }
    };
    let name = rel.rsplit('/').next().unwrap_or(rel);
    let result = sandbox.exec_named(&source, name);
    let stdout = sandbox.take_output();
    let exception = match result {
        Ok(()) => None,
        Err(GuestError::Exception {
            type_name, message, ..
        }) => Some(if message.is_empty() {
            type_name
        } else {
            format!("{type_name}: {message}")
        }),
        Err(GuestError::Syntax { message, .. }) => Some(format!("SyntaxError: {message}")),
        Err(other) => Some(format!("(sandbox: {other})")),
    };
    Outcome { stdout, exception }
}

/// The first line where two outcomes part, for the report.
fn first_difference(cpython: &Outcome, pyocap: &Outcome) -> String {
    if cpython.stdout != pyocap.stdout {
        let (a, b): (Vec<&str>, Vec<&str>) = (
            cpython.stdout.lines().collect(),
            pyocap.stdout.lines().collect(),
        );
        let at = a.iter().zip(&b).position(|(x, y)| x != y).unwrap_or(a.len().min(b.len()));
        let line = |v: &[&str]| v.get(at).map_or("(end of output)".to_owned(), |l| format!("{l:?}"));
        return format!(
            "stdout line {}: CPython {} | pyocap {}",
            at + 1,
            line(&a),
            line(&b)
        );
    }
    format!(
        "uncaught exception: CPython {:?} | pyocap {:?}",
        cpython.exception, pyocap.exception
    )
}

fn main() -> ExitCode {
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    // `cargo test -- --list` asks the harness for test names.
    if std::env::args().any(|a| a == "--list") {
        println!("differential: test");
        return ExitCode::SUCCESS;
    }
    let verbose = std::env::var_os("PYOCAP_DIFF_VERBOSE").is_some();
    let dir = root().join("cases");
    let all = cases(&dir);
    let listed = match listed_differences(&root().join("differences.txt")) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("differential: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut failures: Vec<String> = listed
        .keys()
        .filter(|p| !all.contains(p))
        .map(|p| format!("{p}: listed in differences.txt but no such case"))
        .collect();
    let selected: Vec<&String> = all
        .iter()
        .filter(|c| filter.as_ref().is_none_or(|f| c.contains(f.as_str())))
        .collect();
    if all.len() < 200 {
        failures.push(format!("only {} cases: the suite has at least 200", all.len()));
    }
    let exe = match cpython() {
        Ok(e) => e,
        // CI sets PYOCAP_REQUIRE_CPYTHON (`.ci/run`): there the suite must run.
        Err(e) if std::env::var_os("PYOCAP_REQUIRE_CPYTHON").is_some() => {
            eprintln!("differential: {e}");
            return ExitCode::FAILURE;
        }
        Err(e) => {
            println!("differential: skipped: {e}");
            return ExitCode::SUCCESS;
        }
    };

    // CPython on two threads while the sandboxes run on this one.
    let reference: Mutex<BTreeMap<String, Result<Outcome, String>>> = Mutex::new(BTreeMap::new());
    let next = Mutex::new(0usize);
    let runtime = Runtime::default();
    let policy = policy();
    // Each program also runs in a worker process (`Isolation::Process`, SPEC
    // §2.1), which must give exactly the in-process outcome.
    let workers = Runtime::new(Config::new().worker_program(env!("CARGO_BIN_EXE_pyocap")))
        .expect("a runtime");
    let mut in_worker = policy.clone();
    in_worker.isolation(Isolation::Process);
    let mut ours = BTreeMap::new();
    let mut theirs_in_worker = BTreeMap::new();
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| loop {
                let i = {
                    let mut n = next.lock().unwrap();
                    *n += 1;
                    *n - 1
                };
                let Some(rel) = selected.get(i) else { break };
                let outcome = run_cpython(&exe, &dir.join(rel));
                reference.lock().unwrap().insert((*rel).clone(), outcome);
            });
        }
        for rel in &selected {
            ours.insert((*rel).clone(), run_pyocap(&runtime, &policy, &dir.join(rel), rel));
            theirs_in_worker.insert((*rel).clone(), run_pyocap(&workers, &in_worker, &dir.join(rel), rel));
        }
    });
    let reference = reference.into_inner().unwrap();

    let mut identical = 0usize;
    let mut listed_seen = 0usize;
    for rel in &selected {
        let theirs = match &reference[*rel] {
            Ok(o) => o,
            Err(e) => {
                failures.push(format!("{rel}: CPython: {e}"));
                continue;
            }
        };
        let mine = &ours[*rel];
        if theirs_in_worker[*rel] != *mine {
            failures.push(format!(
                "{rel}: a worker process answers otherwise than a thread: {}",
                first_difference(mine, &theirs_in_worker[*rel])
            ));
        }
        let same = theirs == mine;
        match (same, listed.get(*rel)) {
            (true, None) => identical += 1,
            (true, Some(_)) => {
                identical += 1;
                failures.push(format!(
                    "{rel}: identical to CPython now; remove it from differences.txt"
                ));
            }
            (false, Some(reason)) => {
                listed_seen += 1;
                if verbose {
                    println!("listed  {rel}: {}\n        ({reason})", first_difference(theirs, mine));
                }
            }
            (false, None) => failures.push(format!(
                "{rel}: differs from CPython: {}",
                first_difference(theirs, mine)
            )),
        }
    }
    let total = selected.len();
    let percent = if total == 0 { 100.0 } else { 100.0 * identical as f64 / total as f64 };
    println!(
        "differential: {total} programs, {identical} identical to CPython 3.11 ({percent:.1} %), \
         {listed_seen} listed differences"
    );
    if filter.is_none() && percent < MIN_IDENTICAL_PERCENT {
        failures.push(format!(
            "{percent:.1} % identical, under the floor of {MIN_IDENTICAL_PERCENT} %"
        ));
    }
    drop(ours);
    runtime.wait_for_teardown(Duration::from_secs(30));
    workers.wait_for_teardown(Duration::from_secs(30));
    if failures.is_empty() {
        println!("test differential ... ok");
        ExitCode::SUCCESS
    } else {
        for f in &failures {
            println!("FAIL {f}");
        }
        ExitCode::FAILURE
    }
}
