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
        most = most.max(runtime.pending_teardowns());
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
fn a_stopped_busy_guest_is_joined_by_the_reaper() {
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

#[test]
fn a_drop_on_a_host_thread_waits_for_a_teardown_slot() {
    // Eight dropped sandboxes whose threads cannot end yet: each was stopped
    // while inside a host function that blocks until the test lets it go.
    let runtime = runtime_with_long_grace();
    let mut gates = Vec::new();
    let mut stoppers = Vec::new();
    for _ in 0..MAX_PENDING_TEARDOWNS {
        let (gate, held) = mpsc::channel::<()>();
        let held = std::sync::Mutex::new(held);
        let (entered_tx, entered) = mpsc::channel();
        let entered_tx = std::sync::Mutex::new(entered_tx);
        let block = runtime.host_fn("block", move |()| {
            let _ = entered_tx.lock().unwrap().send(());
            let _ = held.lock().unwrap().recv();
            Ok(0)
        });
        let sb = runtime.sandbox(&Policy::new()).unwrap();
        sb.grant("block", &block).unwrap();
        let stop = sb.stop_handle();
        let worker = std::thread::spawn(move || {
            let outcome = sb.exec("block()");
            (outcome, sb)
        });
        entered.recv().unwrap();
        // `stop` waits for the call to end (it cannot before the gate
        // opens); the stopped `exec` returns at once.
        stoppers.push(std::thread::spawn(move || stop.stop()));
        let (outcome, sb) = worker.join().unwrap();
        assert_eq!(outcome, Err(GuestError::Stopped));
        drop(sb);
        gates.push(gate);
    }
    assert_eq!(runtime.pending_teardowns(), MAX_PENDING_TEARDOWNS);
    // A ninth drop, on a host thread, waits until one of them has ended.
    let ninth = runtime.sandbox(&Policy::new()).unwrap();
    let (dropped_tx, dropped) = mpsc::channel();
    let dropper = std::thread::spawn(move || {
        drop(ninth);
        dropped_tx.send(()).unwrap();
    });
    assert!(
        dropped.recv_timeout(Duration::from_millis(500)).is_err(),
        "a ninth drop did not wait for a slot"
    );
    gates.pop().unwrap().send(()).unwrap();
    dropped
        .recv_timeout(Duration::from_secs(10))
        .expect("the ninth drop did not go on once a slot was free");
    dropper.join().unwrap();
    for gate in gates {
        gate.send(()).unwrap();
    }
    for stopper in stoppers {
        assert!(stopper.join().unwrap());
    }
    assert!(runtime.wait_for_teardown(Duration::from_secs(10)));
    assert_eq!(runtime.pending_teardowns(), 0);
}

#[test]
fn masters_dropped_in_a_burst_drop_their_slaves_without_waiting_for_a_slot() {
    // More masters than slots, each holding a slave and a pool (whose refill
    // thread is starting the next one): each master's thread drops its slave
    // and its pool while it tears down, and the pool's thread drops the
    // sandbox it was starting. If that drop waited for a slot,
    // the masters would hold every slot waiting for each other until the
    // grace detached them.
    // A grace far above the bound below: a stall would last the grace.
    let mut config = Config::new();
    config.drop_grace(Duration::from_secs(90));
    let runtime = Runtime::new(&config).unwrap();
    let masters: Vec<_> = (0..MAX_PENDING_TEARDOWNS + 4)
        .map(|_| {
            let m = runtime.sandbox(&Policy::master()).unwrap();
            // Globals are cleared in order: the large list first, so every
            // master is well into its teardown before it drops its slave.
            m.exec(
                "big = [[i] for i in range(100_000)]\nimport pyocap\n\
                 s = pyocap.Sandbox()\ns.exec('x = [1] * 1000')\n\
                 mods = ['decimal', 'statistics', 'fractions']\n\
                 pool = pyocap.Pool(1, imports=mods, preload=mods)",
            )
            .unwrap();
            m
        })
        .collect();
    // Each pool starts its next sandbox (importing three modules) as the
    // masters are dropped.
    for m in &masters {
        m.exec("taken = pool.checkout()").unwrap();
    }
    let (done_tx, done) = mpsc::channel();
    let waiter = runtime.clone();
    std::thread::spawn(move || {
        drop(masters);
        let _ = done_tx.send(waiter.wait_for_teardown(Duration::from_secs(120)));
    });
    assert_eq!(
        done.recv_timeout(Duration::from_secs(40)),
        Ok(true),
        "the masters' teardowns stalled"
    );
    assert_eq!(runtime.pending_teardowns(), 0);
}

#[test]
fn waiting_for_teardown_with_no_deadline_is_accepted() {
    let runtime = Runtime::default();
    drop(runtime.sandbox(&Policy::new()).unwrap());
    assert!(runtime.wait_for_teardown(Duration::MAX));
}
