//! Doors a policy grants (SPEC §4.6): the clock, entropy, the guest's `sys`;
//! each tested for what it gives and for what it refuses without a grant.

use crate::util::*;
use pyocap::{Clock, ConfigError, GuestError, Policy, SysData, Value};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

fn with_time(clock: Option<Clock>) -> Policy {
    let mut p = Policy::new();
    for m in ["time", "datetime", "random"] {
        p.allow_import(m).unwrap();
    }
    p.clock(clock);
    p
}

/// What `src` leaves in `result`.
fn result(sb: &pyocap::Sandbox, src: &str) -> Value {
    sb.exec(src).unwrap_or_else(|e| panic!("{src}: {e:?}"));
    sb.eval("result").unwrap()
}

#[test]
fn without_a_clock_reading_the_time_is_refused_and_the_pure_functions_work() {
    let sb = sandbox_with(&with_time(None));
    sb.exec("import time, datetime").unwrap();
    for expr in [
        "time.time()",
        "time.time_ns()",
        "time.monotonic()",
        "time.perf_counter()",
        "time.process_time()",
        "time.sleep(0)",
        "time.gmtime()",
        "time.localtime()",
        "time.ctime()",
        "time.asctime()",
        "time.strftime('%Y')",
        "datetime.datetime.now()",
        "datetime.datetime.utcnow()",
        "datetime.date.today()",
        "datetime.datetime.now(datetime.timezone.utc)",
    ] {
        assert_eq!(raises(&sb, expr), "PermissionError", "{expr}");
    }
    // The answers of CPython 3.11 (TZ=UTC) for the same calls.
    for (expr, want) in [
        ("time.strftime('%Y-%m-%d %H:%M:%S %a %j', time.gmtime(1234567890))", "2009-02-13 23:31:30 Fri 044"),
        ("time.mktime(time.gmtime(1234567890))", "1234567890.0"),
        ("time.mktime((2024, 2, 29, 12, 0, 0, 0, 0, 0))", "1709208000.0"),
        ("time.ctime(0)", "Thu Jan  1 00:00:00 1970"),
        ("tuple(time.strptime('2024-02-29 13:14', '%Y-%m-%d %H:%M'))", "(2024, 2, 29, 13, 14, 0, 3, 60, -1)"),
        ("datetime.datetime.strptime('29/02/2024 13:14', '%d/%m/%Y %H:%M')", "2024-02-29 13:14:00"),
        ("datetime.datetime.fromtimestamp(1e9, datetime.timezone.utc)", "2001-09-09 01:46:40+00:00"),
        ("datetime.datetime.utcfromtimestamp(1e9)", "2001-09-09 01:46:40"),
        ("datetime.datetime.fromtimestamp(86400)", "1970-01-02 00:00:00"),
        ("datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc).timestamp()", "1577836800.0"),
        ("datetime.datetime(2020, 1, 1).timestamp()", "1577836800.0"),
        ("datetime.date(2024, 2, 29).strftime('%A %d %B %Y')", "Thursday 29 February 2024"),
    ] {
        assert_eq!(
            sb.eval(&format!("str({expr})")).unwrap(),
            Value::from(want),
            "{expr}"
        );
    }
    // Without the import, nothing: `time` is a module like any other.
    let bare = sandbox();
    assert_eq!(raises(&bare, "import time"), "ModuleNotFoundError");
}

#[test]
fn a_fixed_clock_gives_its_instant_and_time_stands_still() {
    let clock = Clock::parse("fixed:2024-02-29T12:00:00.5Z").unwrap();
    let sb = sandbox_with(&with_time(Some(clock)));
    let v = result(
        &sb,
        "import time, datetime\n\
         t0 = time.monotonic()\n\
         time.sleep(3600)\n\
         result = [time.time(), time.time_ns(), str(datetime.datetime.now()), \
         str(datetime.date.today()), str(datetime.datetime.now(datetime.timezone.utc)), \
         time.monotonic() - t0, time.strftime('%H:%M:%S')]",
    );
    assert_eq!(
        v,
        Value::List(vec![
            Value::Float(1_709_208_000.5),
            Value::from(1_709_208_000_500_000_000i64),
            Value::from("2024-02-29 12:00:00.500000"),
            Value::from("2024-02-29"),
            Value::from("2024-02-29 12:00:00.500000+00:00"),
            Value::Float(0.0),
            Value::from("12:00:00"),
        ])
    );
    // Two runs, the same answers: a replayable contract.
    let again = sandbox_with(&with_time(Some(
        Clock::parse("fixed:2024-02-29T12:00:00.5Z").unwrap(),
    )));
    assert_eq!(again.eval("__import__('time').time()").unwrap(), Value::Float(1_709_208_000.5));
}

#[test]
fn a_system_clock_reads_the_host_time_and_sleep_is_bounded_by_the_call() {
    let sb = sandbox_with(&with_time(Some(Clock::system())));
    let host = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs_f64();
    let Value::Float(guest) = sb.eval("__import__('time').time()").unwrap() else {
        panic!()
    };
    assert!((guest - host).abs() < 5.0, "{guest} vs {host}");
    // The monotonic clock starts with the sandbox: nothing of the host's uptime.
    let Value::Float(mono) = sb.eval("__import__('time').monotonic()").unwrap() else {
        panic!()
    };
    assert!((0.0..60.0).contains(&mono), "{mono}");
    let started = Instant::now();
    let Value::Float(slept) = result(
        &sb,
        "import time\nt = time.monotonic()\ntime.sleep(0.05)\nresult = time.monotonic() - t",
    ) else {
        panic!()
    };
    assert!(slept >= 0.05 && started.elapsed() >= Duration::from_millis(50), "{slept}");
    // Arguments as CPython checks them.
    for (expr, error) in [
        ("time.sleep(-1)", "ValueError"),
        ("time.sleep(float('nan'))", "ValueError"),
        ("time.sleep('1')", "TypeError"),
        ("time.sleep(1e20)", "OverflowError"),
    ] {
        assert_eq!(raises(&sb, &format!("import time\n{expr}")), error, "{expr}");
    }
    // A long sleep ends at the deadline, and a stop ends it at once.
    let mut short = with_time(Some(Clock::system()));
    short.deadline(Some(Duration::from_millis(300)));
    let sb = sandbox_with(&short);
    let started = Instant::now();
    let r = sb.exec("import time\ntry:\n    time.sleep(100)\nexcept BaseException:\n    pass\nwhile True: pass");
    assert!(matches!(r, Err(GuestError::DeadlineExceeded { .. })), "{r:?}");
    assert!(started.elapsed() < Duration::from_secs(3), "{:?}", started.elapsed());
    let mut endless = with_time(Some(Clock::system()));
    endless.deadline(None);
    let sb = sandbox_with(&endless);
    let stop = sb.stop_handle();
    let worker = std::thread::spawn(move || sb.exec("import time\ntime.sleep(1000)"));
    std::thread::sleep(Duration::from_millis(100));
    let started = Instant::now();
    stop.stop();
    assert_eq!(worker.join().unwrap(), Err(GuestError::Stopped));
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[test]
fn a_running_clock_starts_at_its_instant_and_runs_at_its_speed() {
    let clock = Clock::parse("running:2000-01-01T00:00:00Z*100").unwrap();
    let sb = sandbox_with(&with_time(Some(clock)));
    let started = Instant::now();
    let Value::List(v) = result(
        &sb,
        "import time\nt0 = time.time()\nm0 = time.monotonic()\ntime.sleep(10)\nresult = [t0, time.monotonic() - m0]",
    ) else {
        panic!()
    };
    let Value::Float(t0) = v[0] else { panic!() };
    assert!((946_684_800.0..946_684_800.0 + 600.0).contains(&t0), "{t0}");
    let Value::Float(slept) = v[1] else { panic!() };
    // Ten guest seconds are a tenth of a real one.
    assert!(slept >= 10.0, "{slept}");
    assert!(started.elapsed() >= Duration::from_millis(100));
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn clocks_are_values_the_host_describes() {
    assert!(matches!(Clock::parse("now"), Err(ConfigError::InvalidDoor(_))));
    assert!(matches!(Clock::parse("fixed:10000-01-01"), Err(ConfigError::InvalidDoor(_))));
    assert!(matches!(Clock::running_from(SystemTime::now(), -1.0), Err(ConfigError::InvalidDoor(_))));
    assert!(matches!(Clock::running_from(SystemTime::now(), f64::NAN), Err(ConfigError::InvalidDoor(_))));
    let fixed = Clock::fixed(UNIX_EPOCH + Duration::from_secs(86_400)).unwrap();
    assert_eq!(fixed.to_text(), "fixed:1970-01-02T00:00:00Z");
    let mut p = Policy::new();
    assert_eq!(p.granted_clock(), None);
    p.clock(Some(fixed.clone()));
    assert_eq!(p.granted_clock(), Some(&fixed));
}

#[test]
fn entropy_is_granted_or_randomness_is_seeded() {
    let draw = "import random\nresult = [random.random(), random.Random().random(), random.getrandbits(64)]";
    let run = |entropy: bool| {
        let mut p = with_time(None);
        p.entropy(entropy);
        result(&sandbox_with(&p), draw)
    };
    // Without: the same numbers every run, and no system source.
    assert_eq!(run(false), run(false));
    let seeded = sandbox_with(&with_time(None));
    for expr in [
        "random.SystemRandom().random()",
        "random.SystemRandom().getrandbits(8)",
        "random.SystemRandom().randbytes(4)",
    ] {
        assert_eq!(raises(&seeded, &format!("import random\n{expr}")), "PermissionError", "{expr}");
    }
    // With: fresh numbers each run, and `SystemRandom` works.
    assert_ne!(run(true), run(true));
    let mut p = with_time(None);
    p.entropy(true);
    assert!(p.grants_entropy());
    let sb = sandbox_with(&p);
    assert_eq!(
        result(
            &sb,
            "import random\nr = random.SystemRandom()\nb = r.randbytes(16)\nresult = [0 <= r.random() < 1, len(b), 0 <= r.randrange(10) < 10]"
        ),
        Value::List(vec![Value::Bool(true), Value::from(16), Value::Bool(true)])
    );
    // A request over the memory budget is refused before the bytes are made.
    assert_eq!(
        result(
            &sb,
            "import random\ntry:\n    random.SystemRandom().randbytes(10 ** 12)\nexcept MemoryError as e:\n    result = type(e).__name__"
        ),
        Value::from("MemoryError")
    );
    assert!(sb.memory_used() < 64 << 20);
}

#[test]
fn sys_is_data_the_host_sets() {
    // Not granted: refused like any withheld module.
    let bare = sandbox();
    assert_eq!(raises(&bare, "import sys"), "ModuleNotFoundError");
    let mut p = Policy::new();
    p.sys(Some(SysData {
        argv: vec!["plugin.py".into(), "--fast".into()],
        platform: "contract-vm".into(),
    }));
    assert_eq!(p.sys_data().map(|d| d.argv.len()), Some(2));
    let sb = sandbox_with(&p);
    assert_eq!(
        result(
            &sb,
            "import sys\nresult = [sys.argv, sys.platform, sys.maxsize, sys.byteorder, sys.version_info[0], sys.float_info.max, sys.int_info.bits_per_digit > 0]"
        ),
        Value::List(vec![
            Value::List(vec![Value::from("plugin.py"), Value::from("--fast")]),
            Value::from("contract-vm"),
            Value::from(i64::MAX),
            Value::from(if cfg!(target_endian = "little") { "little" } else { "big" }),
            Value::from(3),
            Value::Float(f64::MAX),
            Value::Bool(true),
        ])
    );
    // Its streams are the guest's output; print takes them as `file`.
    sb.take_output();
    sb.exec("import sys\nsys.stdout.write('a\\n')\nprint('b', file=sys.stderr)\nsys.stdout.flush()")
        .unwrap();
    assert_eq!(sb.take_output(), "a\nb\n");
    // Nothing of the interpreter: no modules, path, frames, hooks, tracing;
    // no way from its functions to a namespace.
    for expr in [
        "sys.modules",
        "sys.path",
        "sys._getframe",
        "sys.settrace",
        "sys.setrecursionlimit",
        "sys.exc_info",
        "sys.meta_path",
        "sys.__dict__",
        "sys.stdout.write.__globals__",
        "type(sys.stdout).write.__globals__",
        "sys.exit.__globals__",
    ] {
        assert_eq!(raises(&sb, &format!("import sys\n{expr}")), "AttributeError", "{expr}");
    }
    assert_eq!(raises(&sb, "import sys\nsys.argv = 1"), "AttributeError");
    // The output budget holds for `sys.stdout` as for `print`.
    let mut small = p.clone();
    small.max_output(10);
    let sb = sandbox_with(&small);
    assert!(matches!(
        sb.exec("import sys\nsys.stdout.write('x' * 100)"),
        Err(GuestError::OutputLimit { .. })
    ));
    // `sys.exit` is `SystemExit`.
    let sb = sandbox_with(&p);
    match sb.exec("import sys\nsys.exit(3)") {
        Err(GuestError::Exception { type_name, message, .. }) => {
            assert_eq!((type_name.as_str(), message.as_str()), ("SystemExit", "3"))
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn print_writes_to_any_file_the_guest_holds() {
    let sb = sandbox();
    assert_eq!(
        result(
            &sb,
            "class Buf:\n    def __init__(self): self.parts = []\n    def write(self, s): self.parts.append(s)\n    def flush(self): self.parts.append('!')\n\
             b = Buf()\nprint('x', 1, sep='-', end='.', file=b, flush=True)\nresult = b.parts"
        ),
        Value::List(vec![
            Value::from("x"),
            Value::from("-"),
            Value::from("1"),
            Value::from("."),
            Value::from("!")
        ])
    );
    assert_eq!(sb.take_output(), "");
    assert_eq!(raises(&sb, "print('x', file=1)"), "AttributeError");
}

#[test]
fn the_native_generator_never_reads_the_systems_entropy() {
    // `random.Random`'s native base (`__mro__[-2]`) seeded itself from the
    // operating system when given no seed: through `seed()`, construction,
    // `__init__` or a subclass. Without entropy granted, each is the
    // policy's seed.
    let draw = "import random\nN = random.Random.__mro__[-2]\nr = random.Random(0)\nN.seed(r)\na = r.random()\nN.seed(r, None)\nb = r.random()\nclass S(N): pass\nx = N()\nN.__init__(x)\nresult = [a, b, N().random(), S().random(), x.random(), N(5).random() == random.Random(5).random()]";
    let run = |entropy: bool| {
        let mut p = with_time(None);
        p.entropy(entropy);
        result(&sandbox_with(&p), draw)
    };
    let seeded = run(false);
    assert_eq!(seeded, run(false));
    let Value::List(v) = &seeded else { panic!() };
    // All five are the policy seed's first draw; the explicit seed still works.
    assert!(v[..5].iter().all(|x| x == &v[0]), "{v:?}");
    assert_eq!(v[5], Value::Bool(true));
    assert_ne!(run(true), run(true));
}

#[test]
fn sleep_reads_its_argument_as_cpython_does() {
    let sb = sandbox_with(&with_time(Some(Clock::system())));
    // An int subclass by its value (its `__float__` is not asked), an object
    // with `__index__` as an integer.
    sb.exec("import time\nclass I(int):\n    def __float__(self): return 1e9\nclass X:\n    def __index__(self): return 0\n").unwrap();
    let started = Instant::now();
    sb.exec("time.sleep(I(0))\ntime.sleep(X())\ntime.sleep(True - 1)").unwrap();
    assert!(started.elapsed() < Duration::from_secs(2));
    // `sys.implementation` (a mutable namespace) is not offered.
    let mut p = Policy::new();
    p.sys(Some(SysData::default()));
    assert_eq!(raises(&sandbox_with(&p), "import sys\nsys.implementation"), "AttributeError");
}
