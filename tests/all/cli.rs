//! The `pyocap` command line: exit codes, output streams, JSON.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn pyocap(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pyocap"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env("RUST_BACKTRACE", "0")
        .spawn()
        .expect("pyocap runs");
    // A run refused on its arguments exits before it reads its input: the
    // pipe may then be closed while we write, which is not the test's failure.
    match child.stdin.take().unwrap().write_all(stdin.as_bytes()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        other => other.unwrap(),
    }
    child.wait_with_output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn runs_the_bundled_example() {
    let out = Command::new(env!("CARGO_BIN_EXE_pyocap"))
        .args([
            "run",
            concat!(env!("CARGO_MANIFEST_DIR"), "/examples/hello.py"),
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("alice has 42\nfib(30) = 832040\n"));
}

#[test]
fn guest_output_goes_to_stdout_and_errors_to_stderr_with_exit_1() {
    let out = pyocap(
        &["run", "-"],
        "print('hi')\ndef f():\n    raise KeyError('k')\nf()\n",
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stdout), "hi\n");
    let err = text(&out.stderr);
    assert!(
        err.starts_with("error: KeyError: 'k'\nTraceback (most recent call last):\n"),
        "{err}"
    );
    assert!(err.contains("File \"<stdin>\", line 3, in f"), "{err}");
}

#[test]
fn syntax_errors_exit_1() {
    let out = pyocap(&["run", "-"], "def (:\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).starts_with("error: SyntaxError: "),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn usage_and_config_errors_exit_2() {
    assert_eq!(
        pyocap(&["run", "/nonexistent/file.py"], "").status.code(),
        Some(2)
    );
    assert_eq!(
        pyocap(&["run", "--allow-import", "sys", "-"], "")
            .status
            .code(),
        Some(2)
    );
    assert_eq!(pyocap(&["frobnicate"], "").status.code(), Some(2));
    assert_eq!(pyocap(&[], "").status.code(), Some(2));
}

#[test]
fn allow_import_grants_a_module() {
    assert_eq!(pyocap(&["run", "-"], "import math").status.code(), Some(1));
    let out = pyocap(
        &["run", "--allow-import", "math", "-"],
        "import math\nprint(math.factorial(5))",
    );
    assert!(out.status.success());
    assert_eq!(text(&out.stdout), "120\n");
}

#[test]
fn json_output() {
    let out = pyocap(
        &["run", "--json", "-"],
        "print('x')\nresult = {'a': [1, 2.5, None]}",
    );
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        doc,
        serde_json::json!({"ok": true, "has_value": true, "value": {"a": [1, 2.5, null]}, "stdout": "x\n", "error": null})
    );

    let out = pyocap(
        &["run", "--json", "-"],
        "print('y')\nraise ValueError('bad')",
    );
    assert_eq!(out.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["ok"], false);
    assert_eq!(doc["stdout"], "y\n");
    assert_eq!(doc["error"]["type"], "ValueError");
    assert_eq!(doc["error"]["message"], "bad");
    assert!(doc["error"]["traceback"]
        .as_str()
        .unwrap()
        .contains("line 2"));

    // An object that is not data shows as its capability's label only.
    let out = pyocap(&["run", "--json", "-"], "result = object()");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["value"], serde_json::json!({"$capability": "object"}));

    // What JSON cannot hold is tagged, losslessly; no `result` is not `None`.
    let out = pyocap(
        &["run", "--json", "-"],
        "result = [2 ** 64, -(2 ** 53), 2 ** 53 - 1, float('nan'), float('-inf'), 1.0, 1j, b'\\x00\\xff', (1,), {2}, frozenset(), {1: 'a'}, {'$k': 0}, None]",
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        doc["value"],
        serde_json::json!([
            {"$int": "18446744073709551616"}, {"$int": "-9007199254740992"}, 9007199254740991i64,
            {"$float": "nan"}, {"$float": "-inf"}, 1.0, {"$complex": [0.0, 1.0]},
            {"$bytes": "00ff"}, {"$tuple": [1]}, {"$set": [2]}, {"$frozenset": []},
            {"$dict": [[1, "a"]]}, {"$dict": [["$k", 0]]}, null
        ])
    );
    assert_eq!(text(&out.stdout).contains("1.0,"), true);
    for (src, has) in [("result = None", true), ("x = 1", false)] {
        let doc: serde_json::Value =
            serde_json::from_slice(&pyocap(&["run", "--json", "-"], src).stdout).unwrap();
        assert_eq!(doc["has_value"], has, "{src}");
        assert_eq!(doc["value"], serde_json::Value::Null, "{src}");
    }
    // A syntax error carries its position.
    let doc: serde_json::Value =
        serde_json::from_slice(&pyocap(&["run", "--json", "-"], "x = 1
y = (").stdout).unwrap();
    assert_eq!((doc["error"]["type"].as_str(), doc["error"]["line"].as_u64()), (Some("SyntaxError"), Some(2)));
    assert!(doc["error"]["column"].as_u64().is_some());
}

#[test]
fn output_flood_exits_3() {
    let out = pyocap(&["run", "-"], "while True:\n    print('A' * 1000)");
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(out.stdout.len(), 1 << 20, "exactly the default budget");
    assert!(text(&out.stderr).contains("limit"));
}

#[test]
fn help_documents_every_flag() {
    let out = Command::new(env!("CARGO_BIN_EXE_pyocap"))
        .args(["run", "--help"])
        .output()
        .unwrap();
    let help = text(&out.stdout);
    for flag in ["--allow-import", "--json", "FILE", "Exit status"] {
        assert!(
            help.contains(flag)
                || text(
                    &Command::new(env!("CARGO_BIN_EXE_pyocap"))
                        .arg("--help")
                        .output()
                        .unwrap()
                        .stdout
                )
                .contains(flag),
            "{flag} missing from help"
        );
    }
}

#[test]
fn limits_exit_3_and_say_which() {
    let out = pyocap(&["run", "--timeout", "0.2", "-"], "while True:\n    pass");
    assert_eq!(out.status.code(), Some(3));
    assert!(
        text(&out.stderr).contains("DeadlineExceeded"),
        "{}",
        text(&out.stderr)
    );

    let out = pyocap(&["run", "--memory", "32MiB", "-"], "x = bytearray(1 << 30)");
    assert_eq!(out.status.code(), Some(3));
    assert!(
        text(&out.stderr).contains("MemoryLimit"),
        "{}",
        text(&out.stderr)
    );

    let out = pyocap(
        &["run", "--max-output", "1KiB", "--json", "-"],
        "print('z' * 5000)",
    );
    assert_eq!(out.status.code(), Some(3));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["error"]["type"], "OutputLimit");
    assert_eq!(doc["stdout"].as_str().unwrap().len(), 1024);
}

#[test]
fn limit_flags_are_validated() {
    for args in [
        &["run", "--timeout", "-1", "-"][..],
        &["run", "--timeout", "soon", "-"],
        &["run", "--memory", "12XB", "-"],
        &["run", "--memory", "1KiB", "-"],
        &["run", "--max-output", "99999999999999999999GiB", "-"],
    ] {
        assert_eq!(pyocap(args, "").status.code(), Some(2), "{args:?}");
    }
    let out = pyocap(
        &[
            "run",
            "--timeout",
            "2.5",
            "--memory",
            "64MiB",
            "--max-output",
            "100",
            "-",
        ],
        "print(1)",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn grants_from_a_python_master() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/grants");
    let out = pyocap(
        &[
            "run",
            "--json",
            "--grants",
            &format!("{dir}/host.py"),
            &format!("{dir}/guest.py"),
        ],
        "",
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["ok"], true, "{doc}");
    assert_eq!(doc["value"], 125);
    let stdout = doc["stdout"].as_str().unwrap();
    assert!(
        stdout.contains("refused: '_secret' is not available"),
        "{stdout}"
    );
    assert!(
        stdout.contains("master said: deposit a positive int"),
        "{stdout}"
    );
    assert!(stdout.contains("guest heard welcome"), "{stdout}");
    assert!(!stdout.contains("master-only"), "{stdout}");

    // A broken host file is a usage error, not a guest failure.
    let host = std::env::temp_dir().join(format!("pyocap-bad-host-{}.py", std::process::id()));
    std::fs::write(&host, "GRANTS = 1").unwrap();
    let out = pyocap(&["run", "--grants", host.to_str().unwrap(), "-"], "pass");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("GRANTS must be a dict"));
    std::fs::write(&host, "raise RuntimeError('nope')").unwrap();
    let out = pyocap(&["run", "--grants", host.to_str().unwrap(), "-"], "pass");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("RuntimeError: nope"));
    let _ = std::fs::remove_file(&host);
}

#[test]
fn fuel_stops_the_run_at_the_same_point_every_time() {
    let src = "i = 0\nwhile True:\n    i += 1\n    if i % 1000 == 0:\n        print(i)";
    let first = pyocap(&["run", "--fuel", "25000", "-"], src);
    assert_eq!(first.status.code(), Some(3));
    assert!(
        text(&first.stderr).contains("FuelExhausted"),
        "{}",
        text(&first.stderr)
    );
    assert!(
        text(&first.stdout).ends_with("\n"),
        "{}",
        text(&first.stdout)
    );
    let second = pyocap(&["run", "--fuel", "25000", "-"], src);
    assert_eq!(text(&first.stdout), text(&second.stdout));
    assert!(text(&first.stdout).lines().count() >= 5);
    let bad = pyocap(&["run", "--fuel", "lots", "-"], "pass");
    assert_eq!(bad.status.code(), Some(2));
}

/// What RustPython reports natively (a warning, an exception ignored in
/// `__del__`) is guest output under the output budget, never a write to the
/// process's own stderr: 10 MB reached the host's stderr with
/// `--max-output 1000`.
#[test]
fn native_reports_never_reach_the_process_streams() {
    let guest = "\
class C(complex): pass
class X:
    def __complex__(self): return C(1)
class D:
    def __del__(self): raise ValueError('from del')
for i in range(3000):
    exec_ = complex(X())
    D()
";
    let out = pyocap(&["run", "--max-output", "1000", "-"], guest);
    let err = text(&out.stderr);
    assert!(!err.contains("DeprecationWarning"), "{err}");
    assert!(!err.contains("from del"), "{err}");
    assert!(err.len() < 1000, "{} bytes on stderr", err.len());
    assert!(text(&out.stdout).len() <= 1000);
    // The interpreter's own warnings are dropped, as CPython's go to stderr
    // and not into a program's output (SPEC §5.4).
    let out = pyocap(&["run", "-"], "class C(complex): pass\nclass X:\n    def __complex__(self): return C(1)\nprint(complex(X()))\n");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "(1+0j)\n");
    assert!(!text(&out.stderr).contains("DeprecationWarning"));
}

/// `pyocap run` writes the guest's output as it is printed: the first line is
/// on stdout while the guest is still running (it then loops until its
/// deadline).
#[test]
fn output_is_streamed_while_the_guest_runs() {
    use std::io::{BufRead, BufReader};
    let mut child = Command::new(env!("CARGO_BIN_EXE_pyocap"))
        .args(["run", "-", "--timeout", "20"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"print('started')\nwhile True:\n    pass\n")
        .unwrap();
    let started = std::time::Instant::now();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let waited = started.elapsed();
    let still_running = child.try_wait().unwrap().is_none();
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(line, "started\n");
    assert!(still_running, "the guest had already ended");
    assert!(waited < std::time::Duration::from_secs(15), "{waited:?}");
}

/// `--audit FILE` writes every capability use as a JSON line, and
/// `--cap-graph FILE` the holders and owners of every capability as DOT.
#[test]
fn the_audit_log_and_the_capability_graph_from_the_command_line() {
    let dir = std::env::temp_dir().join(format!("pyocap-cli-observe-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let audit = dir.join("audit.jsonl");
    let graph = dir.join("caps.dot");
    let root = env!("CARGO_MANIFEST_DIR");
    let out = Command::new(env!("CARGO_BIN_EXE_pyocap"))
        .args([
            "run",
            "--grants",
            &format!("{root}/examples/grants/host.py"),
            &format!("{root}/examples/grants/guest.py"),
            "--audit",
            audit.to_str().unwrap(),
            "--cap-graph",
            graph.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let lines: Vec<serde_json::Value> = std::fs::read_to_string(&audit)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(lines.iter().any(|l| l["event"] == "grant" && l["capability"] == "Bank"));
    assert!(lines
        .iter()
        .any(|l| l["event"] == "call" && l["member"] == "deposit" && l["outcome"] == "ok"));
    assert!(lines.iter().any(|l| l["event"] == "refused" && l["member"] == "_secret"));
    let dot = std::fs::read_to_string(&graph).unwrap();
    assert!(dot.starts_with("digraph capabilities {") && dot.contains("Bank"), "{dot}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn doors_are_granted_by_flags() {
    // A fixed clock, sys with argv, comma lists of imports and builtins.
    let out = pyocap(
        &[
            "run",
            "--clock",
            "fixed:2024-02-29T12:00:00Z",
            "--allow-import",
            "time,datetime",
            "--allow-builtin",
            "memoryview",
            "--argv",
            "--fast",
            "--argv",
            "x",
            "-",
        ],
        "import sys, time, datetime\nprint(sys.argv, time.time(), datetime.date.today(), memoryview(b'a')[0])\n",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "['-', '--fast', 'x'] 1709208000.0 2024-02-29 97\n");
    // Without the flags, each is refused, and the import says which flag.
    let out = pyocap(&["run", "-"], "import time\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("hint: run with --allow-import time"), "{}", text(&out.stderr));
    let out = pyocap(&["run", "-"], "import sys\n");
    assert!(text(&out.stderr).contains("hint: run with --sys"), "{}", text(&out.stderr));
    let out = pyocap(
        &["run", "--allow-import", "datetime", "-"],
        "import datetime\ndatetime.date.today()\n",
    );
    assert!(text(&out.stderr).contains("PermissionError: no clock"), "{}", text(&out.stderr));
    // Entropy: two runs differ with it, agree without it.
    let draw = "import random\nprint(random.random())\n";
    let runs = |flags: &[&str]| {
        let mut args = vec!["run", "--allow-import", "random"];
        args.extend_from_slice(flags);
        args.push("-");
        (text(&pyocap(&args, draw).stdout), text(&pyocap(&args, draw).stdout))
    };
    let (a, b) = runs(&[]);
    assert_eq!(a, b);
    let (a, b) = runs(&["--entropy"]);
    assert_ne!(a, b);
    // Bad values are usage errors.
    for args in [
        &["run", "--clock", "tomorrow", "-"][..],
        &["run", "--allow-builtin", "open", "-"][..],
        &["run", "--allow-import", "json,os", "-"][..],
    ] {
        assert_eq!(pyocap(args, "").status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn system_exit_sets_the_exit_status() {
    for (src, code, stderr) in [
        ("raise SystemExit(4)", 4, ""),
        ("raise SystemExit", 0, ""),
        ("raise SystemExit(None)", 0, ""),
        ("raise SystemExit(256 + 5)", 5, ""),
        ("raise SystemExit('bad input')", 1, "bad input\n"),
        ("import sys\nsys.exit(9)", 9, ""),
    ] {
        let out = pyocap(&["run", "--sys", "-"], &format!("print('before')\n{src}\n"));
        assert_eq!(out.status.code(), Some(code), "{src}");
        assert_eq!(text(&out.stdout), "before\n", "{src}");
        assert_eq!(text(&out.stderr), stderr, "{src}");
    }
}

#[test]
fn syntax_errors_show_the_file_line_and_a_caret() {
    let out = pyocap(&["run", "-"], "x = 1\ny = (2 +\nprint(x)\n");
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.starts_with("error: SyntaxError: "), "{err}");
    assert!(err.ends_with("  File \"<stdin>\", line 2\n    y = (2 +\n        ^\n"), "{err}");
    // A very long line is shown cut, never the whole of it.
    let long = format!("x = [{}\n", "1, ".repeat(100_000));
    let err = text(&pyocap(&["run", "-"], &long).stderr);
    assert!(err.len() < 2000, "{}", err.len());
}

#[test]
fn a_policy_file_is_the_start_and_flags_override_it() {
    let dir = std::env::temp_dir().join(format!("pyocap-cli-policy-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("p.toml");
    std::fs::write(
        &file,
        "imports = ['json']\nclock = 'fixed:@86400'\nfuel = 'none'\n[sys]\nargv = ['from-file']\nplatform = 'file-vm'\n",
    )
    .unwrap();
    let path = file.to_str().unwrap();
    let out = pyocap(
        &["run", "--policy", path, "--allow-import", "time", "--argv", "flag", "-"],
        "import json, sys, time\nprint(json.dumps([sys.argv, sys.platform, time.time()]))\n",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "[[\"-\", \"flag\"], \"file-vm\", 86400.0]\n");
    // What a run would use, printed as a file that reads back the same.
    let printed = pyocap(&["run", "--policy", path, "--fuel", "5", "--print-policy", "-"], "");
    assert!(printed.status.success());
    let toml = text(&printed.stdout);
    assert!(toml.contains("fuel = 5\n"), "{toml}");
    let again = dir.join("again.toml");
    std::fs::write(&again, &toml).unwrap();
    let reprinted = pyocap(&["run", "--policy", again.to_str().unwrap(), "--print-policy", "-"], "");
    assert_eq!(text(&reprinted.stdout), toml);
    // A bad file is a usage error that says where.
    std::fs::write(&file, "imports = ['json'\n").unwrap();
    let out = pyocap(&["run", "--policy", path, "-"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("line 1"), "{}", text(&out.stderr));
    assert_eq!(pyocap(&["run", "--policy", "/nonexistent.toml", "-"], "").status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn mount_grants_a_directory_and_a_bad_mount_is_a_usage_error() {
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/plugin-data");
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/word_count.py");
    let out = pyocap(&["run", "--mount", &format!("{data}:/data"), example], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "the 3\nbrown 1\ndog 1\nrefused: FileNotFoundError\n");
    // Without the mount there is no `open`.
    let out = pyocap(&["run", "-"], "open('/data/words.txt')");
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("NameError"), "{}", text(&out.stderr));
    for bad in ["/no/such/dir:/data", &format!("{data}:data"), &format!("{data}:/d:xx")] {
        let out = pyocap(&["run", "--mount", bad, "-"], "");
        assert_eq!(out.status.code(), Some(2), "{bad}: {}", text(&out.stderr));
    }
    // A read-only mount in the printed policy reads back as itself.
    let out = pyocap(&["run", "--mount", &format!("{data}:/data:ro:1k"), "--print-policy", "-"], "");
    assert!(text(&out.stdout).contains(&format!("mounts = [\"{data}:/data:ro:1024\"]")), "{}", text(&out.stdout));
}
