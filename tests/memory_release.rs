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
#[test]
fn dropped_sandboxes_give_back_what_their_guests_allocated() {
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
