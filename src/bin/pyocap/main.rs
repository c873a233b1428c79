//! The `pyocap` command line: run an untrusted Python file in a fresh sandbox.

// pyocap accounts each sandbox's memory in the global allocator.
#[global_allocator]
static ALLOC: pyocap::CountingAllocator = pyocap::CountingAllocator::new();

mod attacks;
mod audit;

use clap::{Parser, Subcommand};
use pyocap::{Clock, Filter, GuestError, Isolation, Mount, Policy, Runtime, Sandbox, Value};
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

/// Run untrusted Python in an object-capability sandbox.
///
/// Exit status: 0 success; 1 the guest raised an exception or its source did not
/// compile; 2 usage or configuration error; 3 a limit (time, fuel, memory, output)
/// stopped the guest.
#[derive(Parser)]
#[command(name = "pyocap", version, about, long_about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run FILE (or `-` for standard input) in a fresh sandbox with the default
    /// policy: safe builtins, no imports, no files, no clock, no network.
    ///
    /// The guest's output goes to standard output. On a guest exception, prints
    /// `error: <Type>: <message>` and the guest's traceback to standard error.
    Run {
        /// Python source file, or `-` to read standard input.
        file: String,
        /// Start from the policy in FILE.toml (SPEC §4.7; every key optional)
        /// instead of the default one; the flags below add to it or override it.
        #[arg(long, value_name = "FILE.toml")]
        policy: Option<String>,
        /// Print the policy the run would use, as TOML, and exit without
        /// running FILE (which is not read).
        #[arg(long = "print-policy")]
        print_policy: bool,
        /// Let the guest import MOD (repeatable, or a comma list): one of abc,
        /// bisect, calendar, cmath, collections, contextlib, dataclasses,
        /// datetime, decimal, difflib, enum, fractions, functools, heapq,
        /// itertools, json, math, numbers, operator, random, re, statistics,
        /// string, textwrap, time, typing. The guest gets a sealed view of it.
        #[arg(long = "allow-import", value_name = "MOD", value_delimiter = ',')]
        allow_import: Vec<String>,
        /// Grant the guest a builtin beyond the default ones (repeatable, or a
        /// comma list), from the optional builtins (`pyocap::OPTIONAL_BUILTINS`).
        #[arg(long = "allow-builtin", value_name = "NAME", value_delimiter = ',')]
        allow_builtin: Vec<String>,
        /// Grant the guest a clock: `system` (the host's), `fixed:INSTANT`
        /// (always that instant: `fixed:2024-02-29T12:00:00Z`, `fixed:@UNIX`),
        /// or `running:INSTANT[*SPEED]` (starts there and runs, SPEED times
        /// real time). `time.time()`, `datetime.now()` and `date.today()` read
        /// it; `time.sleep` waits on it. Default: no clock.
        #[arg(long, value_name = "CLOCK", value_parser = parse_clock)]
        clock: Option<Clock>,
        /// Grant the guest the host's entropy: `random.seed()`, `random.Random()`
        /// and `random.SystemRandom` draw from the operating system's random
        /// source. Default: `random` is seeded with 0, the same on every run.
        #[arg(long)]
        entropy: bool,
        /// Mount a host directory where the guest sees GUEST_PATH
        /// (repeatable): `HOST_DIR:GUEST_PATH[:ro|rw][:QUOTA]`, read-only by
        /// default, QUOTA the most bytes writes may add up to (`10m`). The
        /// guest gets `open()` and `os` (`os.listdir`, `os.path.exists`, ...),
        /// resolved only inside the mounts; relative paths start at the first.
        #[arg(long, value_name = "HOST:GUEST[:ro|rw][:QUOTA]")]
        mount: Vec<String>,
        /// Where the guest runs: `in-process` (default) or `process`, a worker
        /// process confined by rlimits and a seccomp allowlist (Linux): a guest
        /// that crashes the interpreter crashes only the worker.
        #[arg(long, value_name = "in-process|process", value_parser = parse_isolation)]
        isolate: Option<Isolation>,
        /// Let the guest `import sys`: `argv` (FILE, then each `--argv`),
        /// `platform`, the interpreter's constants; `sys.stdout` is its output.
        #[arg(long)]
        sys: bool,
        /// One more item of the guest's `sys.argv` (repeatable; implies `--sys`).
        #[arg(long, value_name = "ARG", allow_hyphen_values = true)]
        argv: Vec<String>,
        /// Wall-clock limit of the run, in seconds (a decimal number). Default: 5.
        #[arg(long, value_name = "SECONDS", value_parser = parse_seconds)]
        timeout: Option<Duration>,
        /// Memory budget of the guest (bytes, or with a KiB/MiB/GiB suffix).
        /// Default: 256MiB.
        #[arg(long, value_name = "BYTES", value_parser = parse_bytes)]
        memory: Option<usize>,
        /// Most bytes the guest may print (bytes, or with a KiB/MiB/GiB suffix).
        /// Default: 1MiB.
        #[arg(long = "max-output", value_name = "BYTES", value_parser = parse_bytes)]
        max_output: Option<usize>,
        /// Fuel of the run, in deterministic work units (each loop iteration and
        /// call costs the statements its body runs, each item a built-in
        /// iterator gives native code costs 1). Default: unmetered. Out of fuel,
        /// the guest stops at the same point on every run.
        #[arg(long, value_name = "UNITS")]
        fuel: Option<u64>,
        /// Run HOST.py first, as the trusted master (default builtins, the vetted
        /// modules, `import pyocap`), and grant the guest what its global
        /// `GRANTS` lists: a dict from the name the guest sees to an object (its
        /// public methods and attributes pass) or to `(object, [names])` (exactly
        /// those names pass). Data values are copied. The guest's calls run on
        /// the master's thread.
        #[arg(long, value_name = "HOST.py")]
        grants: Option<String>,
        /// Print one JSON object instead: {"ok", "has_value", "value", "stdout",
        /// "error": {"type", "message", "traceback"} (and "line", "column" for a
        /// SyntaxError)}. "value" is the guest's global `result` if it set one
        /// ("has_value" true), in the lossless tagged form of
        /// `Value::to_tagged_json` (`{"$int": "..."}`, `{"$bytes": "hex"}`,
        /// `{"$tuple": [...]}`, `{"$set": [...]}`, `{"$dict": [[k, v], ...]}`,
        /// `{"$float": "nan"}`, `{"$complex": [re, im]}`, `{"$capability": "label"}`);
        /// else null and "has_value" false.
        #[arg(long)]
        json: bool,
        /// Write every capability use, grant and revocation to FILE, as JSON
        /// lines: {"time_ms", "event", "party", "capability", "member",
        /// "outcome", "micros"} for a use, {"event", "party", "capability",
        /// "detail"} for a change.
        #[arg(long, value_name = "FILE")]
        audit: Option<String>,
        /// At the end of the run, write who holds which capability (host,
        /// master, guest; filters; revoked ones) to FILE in Graphviz DOT.
        #[arg(long = "cap-graph", value_name = "FILE.dot")]
        cap_graph: Option<String>,
    },
    /// Run an attack corpus (a directory of payloads in the format of the
    /// shared `attacks/` README) against the sandbox: each payload in a child
    /// process, with the oracle's secrets, canary and `host` object. Prints one
    /// line per payload (contained, ESCAPED, CRASH, OVERRUN) and
    /// `N passed, N failed`; exits 1 if any payload was not contained.
    Attacks {
        /// Directory searched recursively for `*.py` payloads.
        dir: PathBuf,
        /// Wall-clock limit of one payload's child process, in seconds.
        #[arg(long, value_name = "SECONDS", value_parser = parse_seconds, default_value = "20")]
        timeout: Duration,
        /// Address-space cap of each child process (bytes, or KiB/MiB/GiB).
        #[arg(long = "memory-cap", value_name = "BYTES", value_parser = parse_bytes, default_value = "8GiB")]
        memory_cap: usize,
        /// Most output (stdout plus stderr) a child may write.
        #[arg(long = "output-cap", value_name = "BYTES", value_parser = parse_bytes, default_value = "4MiB")]
        output_cap: usize,
        /// Print the output of every payload that was not contained.
        #[arg(long, short)]
        verbose: bool,
        /// Run each payload's sandboxes in worker processes (`process`; see
        /// `run --isolate`). The `host` object is then not granted:
        /// capabilities do not cross into a worker yet.
        #[arg(long, value_name = "in-process|process", value_parser = parse_isolation)]
        isolate: Option<Isolation>,
    },
    /// Proves the worker confinement of `--isolate process` on this machine:
    /// each probe runs in a worker confined as a sandbox's is, which then
    /// tries one thing (open a file, make a socket, execve, fork, reserve
    /// past its address-space limit). Prints one line per probe; exits 1 if
    /// any was not refused as it must be.
    SelfTestIsolation,
    /// The child process of `attacks` (one payload); not for direct use.
    #[command(hide = true)]
    AttackOne {
        file: String,
        #[arg(long = "host-secret")]
        host_secret: String,
        #[arg(long = "canary-id", required = true)]
        canary_id: Vec<String>,
        #[arg(long = "end-marker")]
        end_marker: String,
        #[arg(long, value_parser = parse_isolation)]
        isolate: Option<Isolation>,
    },
}

fn parse_isolation(text: &str) -> Result<Isolation, String> {
    match text {
        "in-process" => Ok(Isolation::InProcess),
        "process" => Ok(Isolation::Process),
        _ => Err("expected `in-process` or `process`".into()),
    }
}

fn main() -> ExitCode {
    // A sandbox isolated in a process runs in a copy of this binary.
    pyocap::serve_worker_if_requested();
    let cli = Cli::parse();
    match cli.command {
        Command::Run {
            file,
            policy: policy_path,
            print_policy,
            allow_import,
            allow_builtin,
            clock,
            entropy,
            mount,
            isolate,
            sys,
            argv,
            timeout,
            memory,
            max_output,
            fuel,
            grants,
            json,
            audit,
            cap_graph,
        } => {
            if let Some(path) = &audit {
                if let Err(e) = audit::JsonLines::install(path) {
                    return usage_error(e);
                }
            }
            let mut policy = match &policy_path {
                None => Policy::new(),
                Some(path) => match read_policy(path) {
                    Ok(p) => p,
                    Err(e) => return usage_error(e),
                },
            };
            for module in &allow_import {
                if let Err(e) = policy.allow_import(module.trim()) {
                    return usage_error(e);
                }
            }
            for name in &allow_builtin {
                if let Err(e) = policy.allow_builtin(name.trim()) {
                    return usage_error(e);
                }
            }
            if clock.is_some() {
                policy.clock(clock);
            }
            if entropy {
                policy.entropy(true);
            }
            for spec in &mount {
                let granted = Mount::parse(spec).and_then(|m| policy.mount(m).map(drop));
                if let Err(e) = granted {
                    return usage_error(e);
                }
            }
            if let Some(isolation) = isolate {
                policy.isolation(isolation);
            }
            if sys || !argv.is_empty() {
                let mut data = policy.sys_data().cloned().unwrap_or_default();
                data.argv = std::iter::once(file.clone()).chain(argv).collect();
                policy.sys(Some(data));
            }
            if let Some(t) = timeout {
                policy.deadline(Some(t));
            }
            if let Some(m) = memory {
                if let Err(e) = policy.max_memory(Some(m)) {
                    return usage_error(e);
                }
            }
            if let Some(o) = max_output {
                policy.max_output(o);
            }
            if fuel.is_some() {
                policy.fuel(fuel);
            }
            if print_policy {
                print!("{}", policy.to_toml());
                return ExitCode::SUCCESS;
            }
            run(&file, &policy, grants.as_deref(), json, cap_graph.as_deref())
        }
        Command::SelfTestIsolation => {
            let me = match std::env::current_exe() {
                Ok(p) => p,
                Err(e) => return usage_error(e),
            };
            let outcomes = match pyocap::worker_self_test(&me) {
                Ok(o) => o,
                Err(e) => return usage_error(e),
            };
            let mut failed = 0;
            for o in &outcomes {
                let verdict = if o.passed { "ok  " } else { "FAIL" };
                failed += usize::from(!o.passed);
                println!("{verdict} {:<14} expected {:<17} observed {}", o.probe, o.expected, o.observed);
            }
            println!("{} passed, {failed} failed", outcomes.len() - failed);
            if failed == 0 {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Command::Attacks {
            dir,
            timeout,
            memory_cap,
            output_cap,
            verbose,
            isolate,
        } => attacks::run_corpus(&attacks::Options {
            dir,
            timeout,
            memory_cap: memory_cap as u64,
            output_cap,
            verbose,
            isolation: isolate.unwrap_or_default(),
        }),
        Command::AttackOne {
            file,
            host_secret,
            canary_id,
            end_marker,
            isolate,
        } => attacks::attack_one(&file, &host_secret, &canary_id, &end_marker, isolate.unwrap_or_default()),
    }
}

fn usage_error(msg: impl std::fmt::Display) -> ExitCode {
    eprintln!("pyocap: {msg}");
    ExitCode::from(2)
}

/// Reads a policy file (at most 1 MiB).
fn read_policy(path: &str) -> Result<Policy, String> {
    let mut text = String::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(1 << 20).read_to_string(&mut text))
        .map_err(|e| format!("cannot read {path}: {e}"))?;
    Policy::from_toml(&text).map_err(|e| format!("{path}: {e}"))
}

/// Parses `--clock`.
fn parse_clock(s: &str) -> Result<Clock, String> {
    Clock::parse(s).map_err(|e| e.to_string())
}

/// Parses a decimal number of seconds (`2`, `0.5`).
fn parse_seconds(s: &str) -> Result<Duration, String> {
    let secs: f64 = s
        .parse()
        .map_err(|_| format!("`{s}` is not a number of seconds"))?;
    if !(secs > 0.0 && secs.is_finite() && secs < 1e9) {
        return Err(format!("`{s}` is not a positive number of seconds"));
    }
    Ok(Duration::from_secs_f64(secs))
}

/// Parses a byte count: a number with an optional KiB, MiB or GiB suffix.
fn parse_bytes(s: &str) -> Result<usize, String> {
    let t = s.trim();
    let (digits, unit) = match t.find(|c: char| !c.is_ascii_digit()) {
        Some(i) => (&t[..i], t[i..].trim()),
        None => (t, ""),
    };
    let n: usize = digits
        .parse()
        .map_err(|_| format!("`{s}` is not a byte count"))?;
    let mult: usize = match unit {
        "" | "B" => 1,
        "KiB" | "K" | "k" | "KB" => 1 << 10,
        "MiB" | "M" | "MB" => 1 << 20,
        "GiB" | "G" | "GB" => 1 << 30,
        _ => {
            return Err(format!(
                "`{s}`: unknown unit `{unit}` (use KiB, MiB or GiB)"
            ))
        }
    };
    n.checked_mul(mult)
        .ok_or_else(|| format!("`{s}` is too large"))
}

fn run(
    file: &str,
    policy: &Policy,
    grants: Option<&str>,
    json: bool,
    cap_graph: Option<&str>,
) -> ExitCode {
    let (source, filename) = match read_source(file) {
        Ok(s) => s,
        Err(e) => return usage_error(e),
    };
    let runtime = Runtime::default();
    let mut master_output = String::new();
    let master = match grants {
        None => None,
        Some(host) => match start_master(&runtime, host) {
            Ok(m) => {
                master_output.push_str(&m.take_output());
                Some(m)
            }
            Err(e) => {
                let _ = std::io::stdout().write_all(master_output.as_bytes());
                return usage_error(e);
            }
        },
    };
    let sandbox = match runtime.sandbox(policy) {
        Ok(s) => s,
        Err(e) => return usage_error(e),
    };
    if !json {
        // Output appears as it is printed: the master's start-up output first,
        // then whatever either prints.
        let _ = std::io::stdout().write_all(std::mem::take(&mut master_output).as_bytes());
        if let Some(m) = &master {
            m.stream_output_to(std::io::stdout());
        }
        sandbox.stream_output_to(std::io::stdout());
    }
    if let Some(m) = &master {
        if let Err(e) = grant_all(m, &sandbox) {
            return usage_error(format!("{}: {e}", grants.unwrap_or_default()));
        }
    }
    let outcome =
        sandbox
            .exec_named(&source, &filename)
            .and_then(|()| match sandbox.eval("result") {
                Ok(v) => Ok(Some(v.to_tagged_json())),
                Err(GuestError::Exception { type_name, .. }) if type_name == "NameError" => {
                    Ok(None)
                }
                Err(e) => Err(e),
            });
    let stdout = sandbox.take_output();
    if let Some(path) = cap_graph {
        if let Err(e) = std::fs::write(path, runtime.capability_graph().to_dot()) {
            eprintln!("error: {path}: {e}");
        }
    }
    drop(sandbox);
    if let Some(m) = master {
        master_output.push_str(&m.take_output());
    }
    let code = exit_code(&outcome);
    if json {
        let (value, error) = match &outcome {
            Ok(v) => (
                v.clone().unwrap_or(serde_json::Value::Null),
                serde_json::Value::Null,
            ),
            Err(e) => (serde_json::Value::Null, error_json(e)),
        };
        let has_value = matches!(outcome, Ok(Some(_)));
        let doc = serde_json::json!({ "ok": outcome.is_ok(), "has_value": has_value, "value": value, "stdout": stdout, "error": error });
        println!("{doc}");
    } else {
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(master_output.as_bytes());
        let _ = out.write_all(stdout.as_bytes());
        let _ = out.flush();
        if let Err(e) = &outcome {
            report(e, &source, &filename);
        }
    }
    code
}

/// Runs HOST.py in a master sandbox.
fn start_master(runtime: &Runtime, host: &str) -> Result<Sandbox, String> {
    let (source, filename) = read_source(host)?;
    start_master_with(runtime, &source, &filename, &[])
}

/// Runs `source` in a master sandbox whose globals first hold `globals`.
fn start_master_with(
    runtime: &Runtime,
    source: &str,
    host: &str,
    globals: &[(&str, Value)],
) -> Result<Sandbox, String> {
    let master = runtime
        .sandbox(&Policy::master())
        .map_err(|e| e.to_string())?;
    for (name, value) in globals {
        master
            .set_global(name, value.clone())
            .map_err(|e| format!("{host}: {e}"))?;
    }
    master.exec_named(source, host).map_err(|e| match e {
        GuestError::Exception {
            type_name,
            message,
            traceback,
        } => format!("{host} failed: {type_name}: {message}\n{traceback}"),
        e => format!("{host} failed: {e}"),
    })?;
    Ok(master)
}

/// Grants `guest` what the master's `GRANTS` lists.
fn grant_all(master: &Sandbox, guest: &Sandbox) -> Result<(), String> {
    let grants = master
        .eval("GRANTS")
        .map_err(|e| format!("no usable GRANTS: {e}"))?;
    let Value::Dict(entries) = grants else {
        return Err("GRANTS must be a dict".into());
    };
    for (name, value) in entries {
        let Value::Str(name) = name else {
            return Err("the keys of GRANTS must be str".into());
        };
        let granted = match value {
            Value::Tuple(pair) if pair.len() == 2 && matches!(pair[0], Value::Cap(_)) => {
                let names = match &pair[1] {
                    Value::List(n) | Value::Tuple(n) => n
                        .iter()
                        .map(|n| n.as_str().map(str::to_owned))
                        .collect::<Option<Vec<String>>>(),
                    _ => None,
                }
                .ok_or(format!(
                    "GRANTS[{name:?}]: the allowed names must be a list of str"
                ))?;
                let key = Value::Str(name.clone());
                let cap = master
                    .export(&format!("GRANTS[{key}][0]"), Filter::only(names))
                    .map_err(|e| format!("GRANTS[{name:?}]: {e}"))?;
                guest.grant(&name, &cap)
            }
            Value::Cap(cap) => guest.grant(&name, &cap),
            data => guest.set_global(&name, data),
        };
        granted.map_err(|e| format!("granting {name:?}: {e}"))?;
    }
    Ok(())
}

/// Reads the guest's source, refusing more than the default policy accepts
/// before reading it all into memory.
fn read_source(file: &str) -> Result<(String, String), String> {
    let limit = 1u64 << 20;
    let (reader, name): (Box<dyn Read>, String) = if file == "-" {
        (Box::new(std::io::stdin()), "<stdin>".into())
    } else {
        let path = PathBuf::from(file);
        let f = std::fs::File::open(&path).map_err(|e| format!("cannot open {file}: {e}"))?;
        let name = path
            .file_name()
            .map_or_else(|| file.to_owned(), |n| n.to_string_lossy().into_owned());
        (Box::new(f), name)
    };
    let mut bytes = Vec::new();
    reader
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read {file}: {e}"))?;
    if bytes.len() as u64 > limit {
        return Err(format!(
            "{file} is larger than the {limit}-byte source limit"
        ));
    }
    let source = String::from_utf8(bytes).map_err(|_| format!("{file} is not UTF-8"))?;
    Ok((source, name))
}

fn exit_code<T>(outcome: &Result<T, GuestError>) -> ExitCode {
    match outcome {
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => match system_exit(e) {
            Some(Ok(code)) => ExitCode::from(code),
            Some(Err(_)) => ExitCode::from(1),
            None if e.is_limit() => ExitCode::from(3),
            None => ExitCode::from(1),
        },
    }
}

/// A guest's `SystemExit` as the process's exit: `Ok(code)` for no argument,
/// `None` or an integer (its low byte, as a shell sees it), `Err(message)` for
/// anything else (printed, exit status 1, as CPython does).
fn system_exit(e: &GuestError) -> Option<Result<u8, String>> {
    let GuestError::Exception {
        type_name, message, ..
    } = e
    else {
        return None;
    };
    if type_name != "SystemExit" {
        return None;
    }
    let m = message.trim();
    if m.is_empty() || m == "None" {
        return Some(Ok(0));
    }
    Some(match m.parse::<i64>() {
        Ok(n) => Ok(n.rem_euclid(256) as u8),
        Err(_) => Err(message.clone()),
    })
}

fn report(e: &GuestError, source: &str, filename: &str) {
    if let Some(exit) = system_exit(e) {
        // As CPython: a message (not a status) is printed, a status is not.
        if let Err(message) = exit {
            eprintln!("{message}");
        }
        return;
    }
    match e {
        GuestError::Syntax {
            message,
            line,
            column,
        } => eprint!("{}", syntax_error_report(message, *line, *column, source, filename)),
        GuestError::Exception {
            type_name,
            message,
            traceback,
        } => {
            if message.is_empty() {
                eprintln!("error: {type_name}");
            } else {
                eprintln!("error: {type_name}: {message}");
            }
            eprint!("{traceback}");
            if let Some(flag) = import_hint(type_name, message) {
                eprintln!("hint: run with {flag} to allow it");
            }
        }
        e if e.is_limit() => eprintln!("error: limit: {}: {e}", e.kind()),
        other => eprintln!("error: {other}"),
    }
}

/// The flag that allows a refused import of a module this binary has.
fn import_hint(type_name: &str, message: &str) -> Option<String> {
    if type_name != "ModuleNotFoundError" {
        return None;
    }
    let name = message
        .strip_prefix("import of '")?
        .strip_suffix("' is not allowed in this sandbox")?;
    let top = name.split('.').next()?;
    if top == "sys" {
        Some("--sys".to_owned())
    } else if pyocap::IMPORTABLE_MODULES.contains(&top) {
        Some(format!("--allow-import {top}"))
    } else {
        None
    }
}

/// A syntax error: the message, then, as CPython shows it, the file and
/// line, the line's text and a caret under the column (1-based, in
/// characters). A long line is shown as the 100 characters around the caret.
fn syntax_error_report(
    message: &str,
    line: usize,
    column: usize,
    source: &str,
    filename: &str,
) -> String {
    let mut out = format!("error: SyntaxError: {message}\n  File \"{filename}\", line {line}\n");
    // Lines end at `\n`, `\r\n` or a lone `\r`, as Python reads them.
    let code = source
        .split('\n')
        .flat_map(|l| l.strip_suffix('\r').unwrap_or(l).split('\r'))
        .nth(line.saturating_sub(1));
    if let Some(code) = code {
        // The parser's column counts bytes; the caret goes under a character.
        let mut at = column.saturating_sub(1).min(code.len());
        while !code.is_char_boundary(at) {
            at -= 1;
        }
        let column = code[..at].chars().count();
        // Control characters (a NUL) are shown as `?`, not written raw.
        let chars: Vec<char> = code
            .trim()
            .chars()
            .map(|c| if c.is_control() { '?' } else { c })
            .collect();
        let indent = code.chars().take_while(|c| c.is_whitespace()).count();
        let caret = column.saturating_sub(indent).min(chars.len());
        let from = caret.saturating_sub(80);
        let to = (caret + 20).min(chars.len());
        let shown: String = chars[from..to].iter().collect();
        let (lead, pad) = if from > 0 { ("...", caret - from + 3) } else { ("", caret) };
        out.push_str(&format!("    {lead}{shown}\n    {}^\n", " ".repeat(pad)));
    }
    out
}

fn error_json(e: &GuestError) -> serde_json::Value {
    match e {
        GuestError::Exception {
            type_name,
            message,
            traceback,
        } => {
            serde_json::json!({ "type": type_name, "message": message, "traceback": traceback })
        }
        GuestError::Syntax {
            message,
            line,
            column,
        } => serde_json::json!({
            "type": "SyntaxError", "message": format!("{message} (line {line}, column {column})"), "traceback": "",
            "line": line, "column": column
        }),
        other => {
            serde_json::json!({ "type": other.kind(), "message": other.to_string(), "traceback": "" })
        }
    }
}
