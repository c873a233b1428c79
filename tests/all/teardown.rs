//! Dropping a sandbox returns at once; its thread is torn down and joined in
//! the background, at most `MAX_PENDING_TEARDOWNS` at a time (SPEC §6).

use pyocap::{Config, GuestError, Policy, Runtime, MAX_PENDING_TEARDOWNS};
use std::sync::mpsc;
use std::time::Duration;

fn runtime_with_long_grace() -> Runtime {
    let mut config = Config::new();
    config.drop_grace(Duration::from_secs(30));
    Runtime::new(&config).unwrap()
}

#[test]
fn dropped_sandboxes_tear_down_in_the_background_and_are_all_joined() {
    let runtime = runtime_with_long_grace();
    let mut most = 0;
    for i in 0..3 * MAX_PENDING_TEARDOWNS {
        let sb = runtime.sandbox(&Policy::new()).unwrap();
        // Something to tear down: a list, a dict and a cycle.
        sb.exec(&format!(
            "x = [[{i}] * 10 for _ in range(20_000)]\nd = {{k: [k] for k in range(5_000)}}\n\
             class C:\n    pass\nc = C()\nc.me = c"
        ))
        .unwrap();
        drop(sb);
        let pending = runtime.pending_teardowns();
        assert!(pending <= MAX_PENDING_TEARDOWNS, "{pending} pending");
        most = most.max(pending);
    }
    // The drops did not wait for the teardown each time (with a teardown of
    // milliseconds, a drop that waited would always see 0 pending).
    assert!(most > 0, "every drop waited for its thread");
    assert!(runtime.wait_for_teardown(Duration::from_secs(30)));
    assert_eq!(runtime.pending_teardowns(), 0);
}

#[test]
fn a_dropped_sandbox_is_stopped_and_its_capabilities_revoked_before_drop_returns() {
    let runtime = runtime_with_long_grace();
    let owner = runtime.sandbox(&Policy::new()).unwrap();
    owner.exec("class A:\n    v = 7\na = A()").unwrap();
    let cap = owner.export("a", pyocap::Filter::public()).unwrap();
    let user = runtime.sandbox(&Policy::new()).unwrap();
    user.grant("a", &cap).unwrap();
    assert_eq!(user.eval("a.v").unwrap(), pyocap::Value::from(7));
    drop(owner);
    // Revoked at once, whether or not its thread has ended yet.
    let e = user.eval("a.v").unwrap_err();
    assert!(
        matches!(&e, GuestError::Exception { message, .. } if message.contains("revoked")),
        "{e:?}"
    );
    assert!(runtime.wait_for_teardown(Duration::from_secs(30)));
}

#[test]
fn a_busy_guest_is_stopped_by_the_reaper() {
    let runtime = runtime_with_long_grace();
    let sb = runtime.sandbox(&Policy::new()).unwrap();
    let stop = sb.stop_handle();
    let (tx, rx) = mpsc::channel();
    let worker = std::thread::spawn(move || {
        tx.send(()).unwrap();
        let outcome = sb.exec("while True:\n    pass");
        (outcome, sb)
    });
    rx.recv().unwrap();
    std::thread::sleep(Duration::from_millis(20));
    stop.stop();
    let (outcome, sb) = worker.join().unwrap();
    assert_eq!(outcome, Err(GuestError::Stopped));
    drop(sb);
    assert!(runtime.wait_for_teardown(Duration::from_secs(10)));
}

#[test]
fn a_runtime_whose_last_handle_goes_with_a_master_sandbox_does_not_wait_for_itself() {
    // The master's `pyocap` module holds the runtime; if the host lets go of
    // its own handles first, the runtime's last handle is released on the
    // master's thread during its teardown, which must not wait for itself
    // (that would hang for the whole 30 s grace). A host function's capture
    // is dropped with the runtime's capability table, which the master's
    // thread holds until it ends: its drop says the thread has ended.
    struct Signal(mpsc::Sender<()>);
    impl Drop for Signal {
        fn drop(&mut self) {
            let _ = self.0.send(());
        }
    }
    let (tx, rx) = mpsc::channel();
    let runtime = runtime_with_long_grace();
    let signal = Signal(tx);
    let f = runtime.host_fn("f", move |()| {
        let _ = &signal;
        Ok(1)
    });
    let master = runtime.sandbox(&Policy::master()).unwrap();
    master.grant("f", &f).unwrap();
    master
        .exec("import pyocap\ns = pyocap.Sandbox()\ns.exec('x = [1] * 1000')\nassert f() == 1")
        .unwrap();
    drop(f);
    drop(runtime);
    drop(master);
    rx.recv_timeout(Duration::from_secs(20))
        .expect("the master's thread did not end: its runtime waited for itself");
}
