//! The attack-corpus runner (`pyocap attacks`): our own payloads, the shared
//! corpus when it is beside the repository, and the runner's own detection.

use std::path::Path;
use std::process::Command;

fn run(dir: &Path, extra: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pyocap"))
        .arg("attacks")
        .arg(dir)
        .args(extra)
        .output()
        .expect("pyocap runs");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    (out.status.success(), text)
}

/// No payload escapes or crashes the host; a resource payload may overrun
/// (bounded by the limits work), nothing else.
#[track_caller]
fn assert_contained(text: &str) {
    for line in text.lines() {
        assert!(
            !line.starts_with("ESCAPED") && !line.starts_with("CRASH"),
            "{line}\n{text}"
        );
        if line.starts_with("OVERRUN") {
            assert!(line.contains("resources/"), "{line}\n{text}");
        }
    }
    assert!(text.contains(" passed, "), "{text}");
}

#[test]
fn our_own_payloads_are_contained() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/attacks");
    for sub in ["introspection", "library"] {
        let (ok, text) = run(&root.join(sub), &[]);
        assert_contained(&text);
        assert!(ok, "{text}");
        assert!(text.contains("0 failed"), "{text}");
    }
}

#[test]
fn the_payloads_are_contained_in_worker_processes_too() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/attacks");
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/attacks");
    for sub in ["introspection", "library"] {
        let (ok, text) = run(&root.join(sub), &["--isolate", "process"]);
        assert_contained(&text);
        assert!(ok && text.contains(" 0 failed"), "{text}");
    }
    // As in process, a resource payload may overrun on a loaded machine.
    if shared.is_dir() {
        let (_, text) = run(&shared, &["--isolate", "process"]);
        assert_contained(&text);
    }
}

#[test]
fn the_runner_detects_escapes_and_overruns() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/attacks/oracle");
    let (ok, text) = run(&root, &["--timeout", "1"]);
    assert!(!ok, "{text}");
    assert!(text.contains("ESCAPED   001_reports_escape.py"), "{text}");
    assert!(text.contains("OVERRUN   002_outlives_timeout.py"), "{text}");
    assert!(text.contains("0 passed, 2 failed"), "{text}");
}

#[test]
fn the_shared_corpus_is_contained() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/attacks");
    if !shared.is_dir() {
        eprintln!(
            "no shared corpus at {}: only our own payloads ran",
            shared.display()
        );
        return;
    }
    let (_, text) = run(&shared, &[]);
    println!("{text}");
    assert_contained(&text);
}

#[test]
fn the_corpus_memory_payloads_stay_within_their_budget() {
    // Every payload whose goal is MEMORY, in-process, under a default policy: it
    // ends with a typed error or its own `contained`, and the sandbox's peak
    // memory never goes more than 10 % over the budget.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/attacks/payloads/resources");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("no shared corpus at {}", dir.display());
        return;
    };
    let budget = 256usize << 20;
    let mut ran = 0;
    for entry in entries.flatten() {
        let source = std::fs::read_to_string(entry.path()).unwrap_or_default();
        if !source.lines().any(|l| l.trim() == "# goal: MEMORY") {
            continue;
        }
        let mut policy = pyocap::Policy::new();
        policy
            .max_memory(Some(budget))
            .unwrap()
            .deadline(Some(std::time::Duration::from_secs(20)));
        let sb = crate::util::sandbox_with(&policy);
        let source = source.replace("PLACEHOLDER", "memory-test");
        let result = sb.exec(&source);
        let out = sb.take_output();
        let name = entry.file_name();
        assert!(!out.contains("ESCAPED"), "{name:?}: {out}");
        assert!(
            matches!(result, Ok(()) | Err(pyocap::GuestError::MemoryLimit { .. })),
            "{name:?}: {result:?}"
        );
        assert!(
            sb.memory_peak() <= budget + budget / 10,
            "{name:?}: peak {} over the budget + 10 %",
            sb.memory_peak()
        );
        ran += 1;
    }
    assert!(ran >= 3, "only {ran} memory payloads found");
}
