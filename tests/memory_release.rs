//! Dropped sandboxes give back their memory. A binary of its own: the process's
//! RSS and the allocator's residue need no other test running beside them.

#[global_allocator]
static ALLOC: pyocap::CountingAllocator = pyocap::CountingAllocator::new();

use pyocap::{Policy, Runtime};

fn rss() -> usize {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    statm
        .split_whitespace()
        .nth(1)
        .and_then(|p| p.parse::<usize>().ok())
        .unwrap_or(0)
        * 4096
}

/// A dropped sandbox gives back everything its guest allocated: guests run one
/// after another, each leaving a 40 MB list, a dict, a cycle and big ints
/// behind, leave only RustPython's per-thread state (its built-in types), the
/// same for every guest. Before, every large list or dict a guest left was
/// kept by RustPython's freelists past the end of its thread (405 MB after 8
/// guests of 40 MB).
/// The tests of this binary measure process-wide figures: one at a time.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

#[test]
fn dropped_sandboxes_give_back_what_their_guests_allocated() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let runtime = Runtime::default();
    let guests = 20;
    let per_guest = |f: &dyn Fn() -> usize| {
        let before = f();
        for i in 0..guests {
            let sb = runtime.sandbox(&Policy::new()).unwrap();
            sb.exec(&format!(
                "x = [{i}] * 5_000_000\nd = {{k: [k] for k in range(50_000)}}\n\
                 class C:\n    pass\nc = C()\nc.me = c\nc.data = [0] * 1_000_000\n\
                 big = [3 ** 20_000 + k for k in range(100)]\nfloats = [k / 3 for k in range(1000)]"
            ))
            .unwrap();
            assert!(sb.memory_used() > 40 << 20);
        }
        // Dropped sandboxes tear down in the background: wait for them.
        assert!(runtime.wait_for_teardown(std::time::Duration::from_secs(30)));
        (f() - before) / guests
    };
    let residue = per_guest(&|| pyocap::CountingAllocator::<std::alloc::System>::residue_of_ended_sandboxes());
    assert!(residue < 3 << 20, "each guest left {residue} bytes");
    let start = rss();
    let grown = per_guest(&rss);
    assert!(
        grown < 12 << 20,
        "RSS grew by {grown} bytes per guest (from {start})"
    );
}

/// What a sandbox that imported library modules leaves behind: the
/// modules' namespaces are cleared at teardown (their functions and classes
/// refer to them: cycles the interpreter's teardown did not free), and the
/// bytecode decoded once per process for every later sandbox is the host's,
/// so the sandbox whose import first decoded it does not keep it in its
/// account. What stays is RustPython's per-thread state, which grows with the
/// names interned on the thread (SPEC §8).
#[test]
fn importers_leave_only_the_per_thread_state() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let runtime = Runtime::default();
    let residue = pyocap::CountingAllocator::<std::alloc::System>::residue_of_ended_sandboxes;
    let mut policy = Policy::new();
    let modules = ["json", "re", "collections", "decimal", "fractions", "statistics", "datetime"];
    for m in modules {
        policy.allow_import(m).unwrap();
    }
    let left_by = |source: &str| {
        let before = residue();
        let sb = runtime.sandbox(&policy).unwrap();
        sb.exec(source).unwrap();
        drop(sb);
        assert!(runtime.wait_for_teardown(std::time::Duration::from_secs(30)));
        residue() - before
    };
    let import = format!("import {}", modules.join(", "));
    // The first importer of the process decodes the modules; the second
    // finds them decoded. Both are left with the same.
    let first = left_by(&import);
    let second = left_by(&import);
    assert!(
        first.abs_diff(second) < 256 << 10,
        "the first importer was left with {first} bytes, the second with {second}"
    );
    // Beside a sandbox that imported nothing: the interned names of the
    // modules (about 5 MiB for these; 11 MiB before their namespaces were
    // cleared).
    let plain = left_by("pass");
    assert!(
        second.saturating_sub(plain) < 7 << 20,
        "an importer was left with {second} bytes, a sandbox that imported nothing with {plain}"
    );
}
