//! Sandboxes isolated in worker processes (`Isolation::Process`, SPEC §2.1):
//! the same answers as in process, crashes contained to the worker, the
//! confinement proven by the worker's self-test, and a broken worker only
//! ever a typed error.

use pyocap::{Config, ConfigError, GuestError, Isolation, Policy, Runtime, Sandbox, Value};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

const WORKER: &str = env!("CARGO_BIN_EXE_pyocap");

fn runtime() -> &'static Runtime {
    static RT: OnceLock<Runtime> = OnceLock::new();
    RT.get_or_init(|| Runtime::new(Config::new().worker_program(WORKER)).unwrap())
}

fn in_worker(policy: &Policy) -> Sandbox {
    let mut policy = policy.clone();
    policy.isolation(Isolation::Process);
    let sandbox = runtime().sandbox(&policy).expect("a worker starts");
    assert!(sandbox.worker_pid().is_some());
    sandbox
}

fn signal(pid: u32, sig: &str) {
    let ok = std::process::Command::new("kill")
        .args([format!("-{sig}"), pid.to_string()])
        .status()
        .unwrap()
        .success();
    assert!(ok, "kill -{sig} {pid}");
}

fn alive(pid: u32) -> bool {
    // A zombie is not alive: the host reaps its workers.
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .map(|s| !s.contains(") Z "))
        .unwrap_or(false)
}

/// Every outcome, value and error alike, as plain text to compare.
fn outcome(r: Result<Value, GuestError>) -> String {
    match r {
        Ok(v) => format!("ok {v:?}"),
        Err(GuestError::Exception { type_name, message, traceback }) => {
            format!("raised {type_name}: {message}\n{traceback}")
        }
        Err(e) => format!("error {e:?}"),
    }
}

#[test]
fn a_worker_gives_the_answers_a_thread_gives() {
    let mut policy = Policy::new();
    for m in ["json", "re", "math", "random", "datetime", "collections", "dataclasses", "decimal"] {
        policy.allow_import(m).unwrap();
    }
    policy.fuel(Some(5_000_000));
    let steps: &[&str] = &[
        "import json, re, math, random, collections, dataclasses, decimal",
        "def area(w, h):\n    return w * h",
        "class P:\n    def __init__(self, x): self.x = x\n    def __repr__(self): return f'P({self.x})'",
        "print('hello', [P(i) for i in range(3)])",
        "=area(6, 7)",
        "=({'a': [1, 2.5, None, True]}, (b'\\x00\\xff', 10**40, -3j), {1, 2}, frozenset())",
        "=json.dumps({'k': [1, 2]}), re.sub('a+', '-', 'caaat'), math.sqrt(2), random.random()",
        "=str(decimal.Decimal(1) / 7)",
        "=[x for x in range(10**5)][-1]",
        "def deep(n): return deep(n + 1)\ntry:\n    deep(0)\nexcept RecursionError as e:\n    print('recursion', type(e).__name__)",
        "1/0",
        "def broken(:\n  pass",
        "undefined_name",
        "x = bytearray(10**7); print(len(x))",
        "while True: pass",
        "=1",
    ];
    let run_all = |sb: &Sandbox| -> Vec<String> {
        let mut seen = Vec::new();
        for step in steps {
            let result = match step.strip_prefix('=') {
                Some(expr) => sb.eval(expr),
                None => sb.exec(step).map(|()| Value::None),
            };
            let fuel = sb.fuel();
            seen.push(format!("{step}\n=> {}\nfuel {fuel:?}\nprinted {:?}", outcome(result), sb.take_output()));
        }
        seen.push(format!("call {}", outcome(sb.call("area", &[Value::from(3), Value::from(4)]))));
        seen
    };
    let here = runtime().sandbox(&policy).unwrap();
    let there = in_worker(&policy);
    let (a, b) = (run_all(&here), run_all(&there));
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x, y);
    }
    assert_eq!(a.len(), b.len());
    // The endless loop ran out of fuel in both: terminal in both.
    assert!(matches!(there.stopped(), Some(GuestError::FuelExhausted { .. })));
    assert!(there.memory_peak() > 10_000_000, "the worker reports its memory");
}

#[test]
fn data_globals_output_and_limits_cross_the_process_wall() {
    let sb = in_worker(&Policy::new());
    sb.set_global("n", Value::from(20)).unwrap();
    sb.grant_mapping("config", Value::Dict(vec![(Value::from("k"), Value::from("v"))])).unwrap();
    assert_eq!(sb.eval("n * 2 + len(config['k'])").unwrap(), Value::from(41));
    let streamed = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
    let sink = streamed.clone();
    sb.stream_output(move |s| sink.lock().unwrap().push_str(s));
    sb.exec("for i in range(3): print(i)").unwrap();
    assert_eq!(*streamed.lock().unwrap(), "0\n1\n2\n");
    // Over the data limits on the way out: a typed error, the sandbox goes on.
    sb.exec("deep = []\nfor _ in range(150): deep = [deep]").unwrap();
    assert!(matches!(sb.eval("deep"), Err(GuestError::Crossing(_))), "{:?}", sb.eval("deep"));
    assert_eq!(sb.eval("n").unwrap(), Value::from(20));

    let mut small = Policy::new();
    small.max_memory(Some(64 << 20)).unwrap().max_output(1000);
    let sb = in_worker(&small);
    assert!(matches!(sb.exec("x = [0] * (10**9)"), Err(GuestError::MemoryLimit { .. })));
    assert!(matches!(sb.eval("1"), Err(GuestError::MemoryLimit { .. })), "terminal");
    let sb = in_worker(&small);
    assert!(matches!(sb.exec("while True: print('y' * 100)"), Err(GuestError::OutputLimit { .. })));
    let mut quick = Policy::new();
    quick.deadline(Some(Duration::from_millis(300)));
    let sb = in_worker(&quick);
    let start = Instant::now();
    assert!(matches!(sb.exec("while True: pass"), Err(GuestError::DeadlineExceeded { .. })));
    assert!(start.elapsed() < Duration::from_secs(3));
    // A stop from another thread ends a running call.
    let sb = in_worker(&Policy::new());
    let stop = sb.stop_handle();
    let stopper = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(200));
        stop.stop()
    });
    assert!(matches!(sb.exec("while True: pass"), Err(GuestError::Stopped)));
    stopper.join().unwrap();
}

#[test]
fn a_worker_that_dies_is_worker_crashed_and_everyone_else_goes_on() {
    let victim = in_worker(&Policy::new());
    let bystander = in_worker(&Policy::new());
    let neighbour = runtime().sandbox(&Policy::new()).unwrap();
    victim.exec("x = 1").unwrap();
    let pid = victim.worker_pid().unwrap();
    // A segmentation fault mid-call. (The first SIGSEGV sent from outside
    // meets Rust's stack-overflow handler, which restores the default action
    // and returns, as it does for a real fault, which then faults again; a
    // sent signal is not re-raised, so it is sent until the worker dies.)
    let killer = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(200));
        while alive(pid) {
            // (It may be gone between the check and the signal.)
            let _ = std::process::Command::new("kill").args(["-SEGV", &pid.to_string()]).status();
            std::thread::sleep(Duration::from_millis(50));
        }
    });
    match victim.exec("while True: x += 1") {
        Err(GuestError::WorkerCrashed { reason }) => assert!(reason.contains("signal 11"), "{reason}"),
        other => panic!("expected WorkerCrashed, got {other:?}"),
    }
    killer.join().unwrap();
    // Terminal for that sandbox; its worker is reaped.
    assert!(matches!(victim.eval("1"), Err(GuestError::WorkerCrashed { .. })));
    assert!(!alive(pid));
    // An idle worker killed between calls: the next call says so.
    let pid = bystander.worker_pid().unwrap();
    let other = in_worker(&Policy::new());
    signal(pid, "KILL");
    match bystander.eval("1") {
        Err(GuestError::WorkerCrashed { reason }) => assert!(reason.contains("signal 9"), "{reason}"),
        other => panic!("expected WorkerCrashed, got {other:?}"),
    }
    assert_eq!(other.eval("2 + 2").unwrap(), Value::from(4));
    assert_eq!(neighbour.eval("3 + 3").unwrap(), Value::from(6));
}

#[test]
fn a_worker_that_ignores_its_stop_is_killed() {
    let mut policy = Policy::new();
    policy.deadline(Some(Duration::from_millis(200)));
    let sb = in_worker(&policy);
    let pid = sb.worker_pid().unwrap();
    // A frozen worker cannot answer its deadline.
    signal(pid, "STOP");
    let start = Instant::now();
    assert!(matches!(sb.eval("1"), Err(GuestError::DeadlineExceeded { .. })));
    assert!(start.elapsed() < Duration::from_secs(2), "answered at the deadline");
    // The relay kills it after the grace period.
    let until = Instant::now() + Duration::from_secs(10);
    while alive(pid) && Instant::now() < until {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(!alive(pid), "the unresponsive worker was killed");
    assert!(matches!(sb.eval("1"), Err(GuestError::DeadlineExceeded { .. })));
}

#[test]
fn dropping_a_process_sandbox_ends_its_worker() {
    let sb = in_worker(&Policy::new());
    let pid = sb.worker_pid().unwrap();
    sb.exec("x = list(range(1000))").unwrap();
    drop(sb);
    assert!(runtime().wait_for_teardown(Duration::from_secs(10)));
    assert!(!alive(pid));
}

#[test]
fn the_worker_confinement_refuses_files_sockets_exec_fork_and_address_space() {
    let outcomes = pyocap::worker_self_test(WORKER.as_ref()).unwrap();
    assert_eq!(outcomes.len(), pyocap::SELF_TEST_PROBES.len());
    for o in &outcomes {
        assert!(o.passed, "{o:?}");
    }
    // The control probe works: the filter is not simply killing everything.
    assert!(outcomes.iter().any(|o| o.probe == "control" && o.observed.starts_with("works")));
    assert_eq!(outcomes.iter().filter(|o| o.observed == "killed by SIGSYS").count(), 4);
}

#[test]
fn what_cannot_cross_yet_is_a_typed_error() {
    let sb = in_worker(&Policy::new());
    let cap = runtime().host_fn("twice", |(x,): (i64,)| Ok(x * 2));
    assert!(matches!(sb.grant("twice", &cap), Err(GuestError::Unsupported { .. })));
    assert!(matches!(sb.call("len", &[Value::Cap(cap.clone())]), Err(GuestError::Unsupported { .. })));
    assert!(matches!(sb.compile("x = 1"), Err(GuestError::Unsupported { .. })));
    assert!(matches!(sb.eval("lambda: 0"), Err(GuestError::Unsupported { .. })));
    assert!(matches!(sb.export("len", pyocap::Filter::public()), Err(GuestError::Unsupported { .. })));
    assert_eq!(sb.eval("1 + 1").unwrap(), Value::from(2), "and the sandbox goes on");
    // Code compiled in process runs in a worker from its source.
    let here = runtime().sandbox(&Policy::new()).unwrap();
    let code = here.compile_eval("6 * 7").unwrap();
    assert_eq!(sb.run(&code).unwrap(), Value::from(42));
    let dir = std::env::temp_dir();
    let mut mounted = Policy::new();
    mounted.isolation(Isolation::Process);
    mounted.mount(pyocap::Mount::new(&dir, "/data", pyocap::MountMode::ReadOnly).unwrap()).unwrap();
    assert!(matches!(runtime().sandbox(&mounted), Err(ConfigError::Isolation(_))));
    let mut master = Policy::master();
    master.isolation(Isolation::Process);
    assert!(matches!(runtime().sandbox(&master), Err(ConfigError::Isolation(_))));
}

#[test]
fn a_broken_worker_program_is_a_typed_error() {
    let script = std::env::temp_dir().join(format!("pyocap-fake-worker-{}.sh", std::process::id()));
    // Ready (a one-byte frame), then a frame that does not decode.
    std::fs::write(
        &script,
        "#!/bin/sh\nprintf '\\001\\000\\000\\000\\000'\nprintf '\\003\\000\\000\\000\\377\\377\\377'\nwhile read -r line; do :; done\n",
    )
    .unwrap();
    std::process::Command::new("chmod").arg("+x").arg(&script).status().unwrap();
    let mut policy = Policy::new();
    policy.isolation(Isolation::Process);
    let rt = |program: &std::path::Path| Runtime::new(Config::new().worker_program(program)).unwrap();
    let garbage = rt(&script).sandbox(&policy).unwrap();
    match garbage.eval("1") {
        Err(GuestError::WorkerCrashed { reason }) => assert!(reason.contains("does not decode"), "{reason}"),
        other => panic!("expected WorkerCrashed, got {other:?}"),
    }
    let _ = std::fs::remove_file(&script);
    // Programs that are no worker at all: one that exits, one that writes text.
    for program in ["/bin/true", "/usr/bin/yes", "/nonexistent/worker"] {
        match rt(program.as_ref()).sandbox(&policy) {
            Err(ConfigError::Worker(_)) => {}
            other => panic!("{program}: expected ConfigError::Worker, got {other:?}"),
        }
    }
}

#[test]
fn a_pool_keeps_workers_started() {
    let mut policy = Policy::new();
    policy.isolation(Isolation::Process).allow_import("json").unwrap();
    let pool = runtime().pool(&policy, 2, &["json"]).unwrap();
    let until = Instant::now() + Duration::from_secs(20);
    while pool.ready() < 2 && Instant::now() < until {
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(pool.ready(), 2);
    let a = pool.checkout().unwrap();
    let b = pool.checkout().unwrap();
    let (pa, pb) = (a.worker_pid().unwrap(), b.worker_pid().unwrap());
    assert_ne!(pa, pb, "each checkout is its own worker");
    assert_eq!(a.eval("__import__('json').dumps([1])").unwrap(), Value::from("[1]"));
    assert_eq!(b.eval("2 * 21").unwrap(), Value::from(42));
}

/// A fake worker: a Python script (run by this machine's CPython) that
/// speaks the protocol as told; `None` without a `python3`.
fn fake_worker(name: &str, body: &str) -> Option<std::path::PathBuf> {
    // The interpreter itself, not a launcher that needs the environment
    // (the worker's is empty).
    let out = std::process::Command::new("python3")
        .args(["-c", "import sys; print(sys.executable)"])
        .output()
        .ok()?;
    let python = String::from_utf8(out.stdout).ok()?.trim().to_owned();
    if python.is_empty() {
        eprintln!("no python3: the fake-worker checks are skipped");
        return None;
    }
    let path = std::env::temp_dir().join(format!("pyocap-fake-{name}-{}.py", std::process::id()));
    let script = format!(
        "#!{python}\nimport os, sys, time\n\
         def frame(b):\n    os.write(1, len(b).to_bytes(4, 'little') + b)\n\
         def varint(n):\n    out = b''\n    while True:\n        byte = n & 0x7f\n        n >>= 7\n        if n:\n            out += bytes([byte | 0x80])\n        else:\n            return out + bytes([byte])\n\
         READY = b'\\x00'\n\
         DONE_NONE = b'\\x03\\x00\\x01\\x00\\x00\\x00\\x00\\x00'\n\
         {body}\n"
    );
    std::fs::write(&path, script).ok()?;
    std::process::Command::new("chmod").arg("+x").arg(&path).status().ok()?;
    Some(path)
}

fn with_worker(program: &std::path::Path, policy: &Policy) -> Result<Sandbox, ConfigError> {
    let mut policy = policy.clone();
    policy.isolation(Isolation::Process);
    Runtime::new(Config::new().worker_program(program)).unwrap().sandbox(&policy)
}

#[test]
fn a_worker_that_stops_reading_is_killed_at_the_deadline() {
    let Some(fake) = fake_worker("noread", "frame(READY)\nprint(os.getpid(), file=open('/dev/null', 'w'))\ntime.sleep(60)") else { return };
    let mut policy = Policy::new();
    policy.deadline(Some(Duration::from_millis(300)));
    let sb = with_worker(&fake, &policy).unwrap();
    let pid = sb.worker_pid().unwrap();
    // A job larger than the socket's buffer: the write itself must watch the deadline.
    let start = Instant::now();
    let big = Value::Bytes(vec![7; 4 << 20]);
    assert!(matches!(sb.set_global("blob", big), Err(GuestError::DeadlineExceeded { .. })));
    assert!(start.elapsed() < Duration::from_secs(2), "answered at the deadline");
    let until = Instant::now() + Duration::from_secs(5);
    while alive(pid) && Instant::now() < until {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(!alive(pid), "the worker that does not read was killed");
    let _ = std::fs::remove_file(fake);
}

#[test]
fn what_a_hostile_worker_sends_is_bounded_before_it_is_read() {
    let cases = [
        // Output far past the budget: refused by its length alone.
        ("hugeout", "frame(READY)\nos.write(1, (200 << 20).to_bytes(4, 'little') + b'\\x02')\ntime.sleep(60)", "over the limit"),
        // A string over the data limits' 64 MiB.
        ("bigstr", "frame(READY)\ns = b'x' * (65 << 20)\nframe(b'\\x03\\x00\\x01\\x05' + varint(len(s)) + s + b'\\x00\\x00\\x00\\x00')\ntime.sleep(60)", "over the limits"),
        // An integer larger than any sandbox makes.
        ("bigint", "frame(READY)\nn = b'\\x7f' * (1 << 20)\nframe(b'\\x03\\x00\\x01\\x02' + varint(len(n)) + n + b'\\x00\\x00\\x00\\x00')\ntime.sleep(60)", "over the limits"),
        // An answer before any question.
        ("stale", "frame(READY)\nframe(DONE_NONE)\ntime.sleep(60)", "between jobs"),
        // A message with bytes after it.
        ("trailing", "frame(READY)\nframe(DONE_NONE + b'junk')\ntime.sleep(60)", "after the message"),
    ];
    for (name, body, why) in cases {
        let Some(fake) = fake_worker(name, body) else { return };
        let sb = with_worker(&fake, &Policy::new()).unwrap();
        if name == "stale" {
            // Let the stray answer arrive before the job is sent.
            std::thread::sleep(Duration::from_millis(300));
        }
        let start = Instant::now();
        match sb.eval("1") {
            Err(GuestError::WorkerCrashed { reason }) => assert!(reason.contains(why), "{name}: {reason}"),
            other => panic!("{name}: expected WorkerCrashed, got {other:?}"),
        }
        assert!(start.elapsed() < Duration::from_secs(5), "{name}");
        assert!(!alive(sb.worker_pid().unwrap()), "{name}: killed");
        let _ = std::fs::remove_file(fake);
    }
}
