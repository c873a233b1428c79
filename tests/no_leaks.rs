//! Sandboxes leave no threads behind. A binary of its own: counting the process's
//! threads needs no other test running beside it.

#[global_allocator]
static ALLOC: pyocap::CountingAllocator = pyocap::CountingAllocator::new();

use pyocap::{Policy, Runtime};

fn thread_count() -> usize {
    std::fs::read_dir("/proc/self/task")
        .map(|d| d.count())
        .unwrap_or(0)
}

#[test]
fn two_hundred_sandboxes_leave_no_threads() {
    let runtime = Runtime::default();
    let before = thread_count();
    assert!(before > 0, "/proc/self/task is readable");
    for i in 0..200 {
        let sb = runtime.sandbox(&Policy::new()).unwrap();
        sb.exec(&format!(
            "x = [{i}] * 100\nclass C:\n    pass\nc = C()\nc.me = c"
        ))
        .unwrap();
        if i % 50 == 0 {
            // Some busy ones too, stopped by the drop.
            let stop = sb.stop_handle();
            let t = std::thread::spawn(move || {
                let _ = sb.exec("while True: pass");
                drop(sb);
            });
            std::thread::sleep(std::time::Duration::from_millis(10));
            stop.stop();
            t.join().unwrap();
        }
    }
    // Dropped sandboxes tear down in the background; once they have,
    // nothing is left running (the reaper thread included).
    assert!(runtime.wait_for_teardown(std::time::Duration::from_secs(30)));
    assert_eq!(runtime.pending_teardowns(), 0);
    assert_eq!(thread_count(), before);
    // A warm pool's refill thread and the sandboxes it kept ready end with it
    // (in this test: counting threads needs no other test beside it).
    for _ in 0..5 {
        let mut policy = Policy::new();
        policy.allow_import("json").unwrap();
        let pool = runtime.pool(&policy, 3, &["json"]).unwrap();
        let taken: Vec<_> = (0..4).map(|_| pool.checkout().unwrap()).collect();
        drop(pool);
        drop(taken);
    }
    assert!(runtime.wait_for_teardown(std::time::Duration::from_secs(30)));
    assert_eq!(thread_count(), before);
    // A runtime's last handle waits for its sandboxes' threads.
    let other = Runtime::default();
    for _ in 0..20 {
        let sb = other.sandbox(&Policy::new()).unwrap();
        sb.exec("x = [[i] for i in range(10_000)]").unwrap();
    }
    drop(other);
    assert_eq!(thread_count(), before);
}
