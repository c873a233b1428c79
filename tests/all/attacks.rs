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
