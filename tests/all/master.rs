//! Trusted Python as the master: the `pyocap` module and `pyocap run --grants`.

use crate::util::*;
use pyocap::{GuestError, Policy, Value};

fn master() -> pyocap::Sandbox {
    sandbox_with(&Policy::master())
}

const BANK: &str = "
import pyocap
class Bank:
    def __init__(self):
        self._secret = 'token'
        self.total = 0
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError('bad amount')
        self.total += amount
        return self.total
    def balance(self):
        return self.total
bank = Bank()
sb = pyocap.Sandbox(timeout=2.0)
sb.grant('bank', bank, allow=['deposit', 'balance'])
sb.grant('limit', [1, 2])
def failure(src):
    try:
        sb.exec(src)
    except pyocap.GuestError as e:
        return (e.type_name, e.message, e.traceback)
";

#[test]
fn only_a_master_policy_can_import_pyocap() {
    assert_eq!(raises(&sandbox(), "import pyocap"), "ModuleNotFoundError");
    let m = master();
    m.exec("import pyocap").unwrap();
    assert_eq!(
        m.eval("sorted(n for n in dir(pyocap) if not n.startswith('_'))")
            .unwrap()
            .to_string(),
        "['GuestError', 'Pool', 'Sandbox']"
    );
    // The master is still a sandbox: no OS access.
    assert_eq!(raises(&m, "open('/etc/passwd')"), "NameError");
    assert_eq!(raises(&m, "import os"), "ModuleNotFoundError");
    // A slave cannot import pyocap, and gets no authority from its master's.
    m.exec("s = pyocap.Sandbox()").unwrap();
    assert_eq!(raises(&m, "s.exec('import pyocap')"), "GuestError");
}

#[test]
fn the_master_grants_runs_and_catches() {
    let m = master();
    m.exec(BANK).unwrap();
    m.exec("sb.exec('x = bank.deposit(5) + bank.deposit(2)')")
        .unwrap();
    assert_eq!(m.eval("sb.eval('x')").unwrap(), Value::from(12));
    assert_eq!(m.eval("bank.total").unwrap(), Value::from(7));
    assert_eq!(m.eval("sb.eval('limit')").unwrap().to_string(), "[1, 2]");
    // The filter: only the allowed names.
    let (t, msg) = match m.eval("failure('bank._secret')[:2]").unwrap() {
        Value::Tuple(v) => (v[0].to_string(), v[1].to_string()),
        other => panic!("{other:?}"),
    };
    assert_eq!(t, "'AttributeError'", "{msg}");
    assert_eq!(
        m.eval("failure('bank.total')[0]").unwrap(),
        Value::from("AttributeError")
    );
    // A master exception reaches the slave as a fresh one of the same class.
    assert_eq!(
        m.eval("sb.exec('try:\\n    bank.deposit(-1)\\nexcept ValueError as e:\\n    m = str(e)') or sb.eval('m')")
            .unwrap(),
        Value::from("bad amount")
    );
    // GuestError carries the three strings, computed in the slave.
    match m
        .eval("failure('def f():\\n    raise KeyError(\"k\")\\nf()')")
        .unwrap()
    {
        Value::Tuple(v) => {
            assert_eq!(v[0], Value::from("KeyError"));
            assert_eq!(v[1], Value::from("'k'"));
            assert!(v[2].as_str().unwrap().contains("line 2"), "{}", v[2]);
        }
        other => panic!("{other:?}"),
    }
    // Limits of the slave arrive as GuestError too.
    assert_eq!(
        m.eval("failure('while True: pass')[0]").unwrap(),
        Value::from("DeadlineExceeded")
    );
}

#[test]
fn calls_nest_master_slave_master_slave() {
    let m = master();
    m.exec(BANK).unwrap();
    m.exec(
        "sb.exec('def inner(x):\\n    return x * 3\\ndef outer(cb, x):\\n    return cb(x) + 1')\n\
         def mid(x):\n    return sb.call('inner', x) + 100\n\
         r = sb.call('outer', mid, 2)",
    )
    .unwrap();
    assert_eq!(m.eval("r").unwrap(), Value::from(107));
    // A slave callback handed to the master is a proxy there, and the master's
    // object handed back is the master's own object again.
    m.exec("cb = sb.eval('outer')").unwrap();
    assert_eq!(
        m.eval("type(cb).__name__").unwrap(),
        Value::from("capability")
    );
    m.exec("sb.exec('def echo(o):\\n    return o')\nback = sb.call('echo', bank)")
        .unwrap();
    assert_eq!(m.eval("back is bank").unwrap(), Value::Bool(true));
}

#[test]
fn grants_can_be_given_at_creation() {
    let m = master();
    m.exec(BANK).unwrap();
    m.exec("s2 = pyocap.Sandbox(grants={'b': (bank, ['balance']), 'n': 3, 'whole': bank, 't': (1, 2)})")
        .unwrap();
    assert_eq!(
        m.eval("s2.eval('b.balance() + n')").unwrap(),
        Value::from(3)
    );
    assert_eq!(m.eval("s2.eval('whole.total')").unwrap(), Value::from(0));
    for attempt in ["b.deposit(1)", "b.total", "whole._secret"] {
        assert_eq!(
            raises(&m, &format!("s2.exec({attempt:?})")),
            "GuestError",
            "{attempt}"
        );
    }
    assert_eq!(raises(&m, "pyocap.Sandbox(grants=[1])"), "TypeError");
}

#[test]
fn the_master_revokes_everything_it_granted() {
    let m = master();
    m.exec(BANK).unwrap();
    m.exec("sb.exec('d = bank.deposit')\nsb.revoke()").unwrap();
    assert_eq!(
        m.eval("failure('bank.balance()')[0]").unwrap(),
        Value::from("RevokedError")
    );
    assert_eq!(
        m.eval("failure('d(1)')[0]").unwrap(),
        Value::from("RevokedError")
    );
    assert_eq!(m.eval("bank.total").unwrap(), Value::from(0));
}

#[test]
fn a_slave_failure_never_breaks_the_master() {
    let m = master();
    m.exec("import pyocap\nsb = pyocap.Sandbox(memory=64 * 1024 * 1024)")
        .unwrap();
    let e = m
        .exec("sb.exec('x = []\\nwhile True:\\n    x.append(\"a\" * 10**6)')")
        .unwrap_err();
    match e {
        GuestError::Exception { type_name, .. } => assert_eq!(type_name, "GuestError"),
        other => panic!("{other:?}"),
    }
    assert_eq!(m.eval("sb.stopped is not None").unwrap(), Value::Bool(true));
    assert_eq!(m.eval("1 + 1").unwrap(), Value::from(2));
    assert_eq!(
        raises(&m, "pyocap.Sandbox(builtins=['open'])"),
        "ValueError"
    );
    assert_eq!(raises(&m, "pyocap.Sandbox(imports=['os'])"), "ValueError");
    assert_eq!(raises(&m, "pyocap.Sandbox(1)"), "TypeError");
}

#[test]
fn a_python_master_meters_its_slaves_with_fuel() {
    let m = master();
    m.exec(
        "import pyocap\n\
         sb = pyocap.Sandbox(fuel=10000)\n\
         sb.exec('def work(n):\\n    t = 0\\n    for i in range(n):\\n        t += i\\n    return t')\n\
         done = sb.call('work', 100)\n\
         used, left = sb.fuel\n\
         try:\n    sb.call('work', 10 ** 6)\n    out = None\n\
         except pyocap.GuestError as e:\n    out = e.type_name",
    )
    .unwrap();
    assert_eq!(m.eval("done").unwrap(), Value::from(4950));
    assert_eq!(m.eval("used + left").unwrap(), Value::from(10_000));
    assert_eq!(m.eval("out").unwrap(), Value::from("FuelExhausted"));
    assert_eq!(
        m.eval("sb.fuel").unwrap(),
        Value::Tuple(vec![Value::from(10_000), Value::from(0)])
    );
    m.exec("sb2 = pyocap.Sandbox()\nsb2.set_fuel(None)\nsb2.exec('x = 1')")
        .unwrap();
    assert_eq!(m.eval("sb2.fuel[1]").unwrap(), Value::None);
}

/// Calls nest master → slave → master → slave: the slave, inside serving a
/// call of its own object, runs a nested `eval` the master asks for (the
/// sandbox's source cache was borrowed across the whole call, and the nested
/// job's borrow panicked the slave's interpreter; found by a review).
#[test]
fn a_slave_serving_its_object_runs_a_nested_eval_of_the_master() {
    let m = master();
    m.exec(
        "import pyocap\n\
         class Svc:\n    def on_event(self, cb): return cb('welcome')\n    \
         def status(self): return sb.eval('len(log)')\n\
         sb = pyocap.Sandbox(timeout=5.0, grants={'svc': Svc()})\n\
         sb.exec(\"log = []\\nr = svc.on_event(lambda m: (log.append(m), svc.status())[1])\")\n\
         result = (sb.eval('r'), sb.eval('log'))",
    )
    .unwrap();
    assert_eq!(m.eval("result").unwrap().to_string(), "(1, ['welcome'])");
}

#[test]
fn a_master_checks_sandboxes_out_of_a_warm_pool() {
    let m = master();
    m.exec(
        "import pyocap
class Counter:
    def __init__(self):
        self.n = 0
    def bump(self):
        self.n += 1
        return self.n
    def _reset(self):
        self.n = 0
counter = Counter()
pool = pyocap.Pool(2, preload=['json'], imports=['json'], timeout=2.0, fuel=10**7)
a = pool.checkout(grants={'c': (counter, ['bump']), 'k': 5})
b = pool.checkout()
a.exec('import json\\nx = json.dumps([c.bump(), c.bump(), k])')
b.exec('y = 1')",
    )
    .unwrap();
    // The pool's policy and preload hold; grants are given as Sandbox()'s.
    assert_eq!(m.eval("a.eval('x')").unwrap(), Value::from("[1, 2, 5]"));
    assert_eq!(m.eval("counter.n").unwrap(), Value::from(2));
    assert_eq!(m.eval("a.fuel[1] is not None").unwrap(), Value::from(true));
    assert_eq!(m.eval("pool.size").unwrap(), Value::from(2));
    // Each checkout is a fresh sandbox: one tenant's globals never reach another.
    assert_eq!(
        m.eval(
            "[(t := pool.checkout(), t.exec('try:\\n    x, y\\n    r = 1\\nexcept NameError:\\n    r = 0'), t.eval('r'))[2] for _ in range(3)]"
        )
        .unwrap()
        .to_string(),
        "[0, 0, 0]"
    );
    // The grant's filter holds in a pooled sandbox too.
    assert_eq!(m.eval("a.eval('hasattr(c, \"_reset\")')").unwrap(), Value::from(false));
    // A pooled sandbox has its policy's limits: no import outside it, fuel.
    assert_eq!(raises(&m, "b.exec('import re')"), "GuestError");
    m.exec("c = pool.checkout()\ntry:\n    c.exec('while True: pass')\nexcept pyocap.GuestError as e:\n    why = e.type_name").unwrap();
    assert_eq!(m.eval("why").unwrap(), Value::from("FuelExhausted"));
    // `builtins=` replaces the builtins only, wherever it comes: the limits
    // given before it hold.
    m.exec(
        "tight = pyocap.Pool(1, fuel=100_000, imports=['json'], builtins=['range', 'len'])
t = tight.checkout()
try:
    t.exec('while True: pass')
except pyocap.GuestError as e:
    why_tight = e.type_name
try:
    pyocap.Sandbox(fuel=100_000, builtins=['range']).exec('while True: pass')
except pyocap.GuestError as e:
    why_sandbox = e.type_name",
    )
    .unwrap();
    assert_eq!(m.eval("why_tight").unwrap(), Value::from("FuelExhausted"));
    assert_eq!(m.eval("why_sandbox").unwrap(), Value::from("FuelExhausted"));
    assert_eq!(m.eval("tight.checkout().eval('len(\"ab\")')").unwrap(), Value::from(2));
    // A pooled slave cannot import pyocap.
    assert_eq!(raises(&m, "pool.checkout().exec('import pyocap')"), "GuestError");
    // Bad arguments are Python errors.
    for bad in [
        "pyocap.Pool()",
        "pyocap.Pool(0)",
        "pyocap.Pool(2, grants={})",
        "pyocap.Pool(2, preload=['re'])",
        "pyocap.Pool(2, preload=[1])",
        "pool.checkout(1, grants={})",
        "pool.checkout(grants=[1])",
    ] {
        let e = raises(&m, bad);
        assert!(e == "TypeError" || e == "ValueError", "{bad}: {e}");
    }
}
