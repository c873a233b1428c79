//! exec / eval / call, persistent state, output capture.

use crate::util::*;
use pyocap::{GuestError, Policy, Value};

#[test]
fn exec_eval_call_share_state() {
    let sb = sandbox();
    sb.exec("counter = 0\ndef bump(n):\n    global counter\n    counter += n\n    return counter")
        .unwrap();
    assert_eq!(sb.call("bump", &[Value::from(5)]).unwrap(), Value::from(5));
    assert_eq!(sb.call("bump", &[Value::from(2)]).unwrap(), Value::from(7));
    assert_eq!(sb.eval("counter * 2").unwrap(), Value::from(14));
}

#[test]
fn set_global_copies_data_in() {
    let sb = sandbox();
    sb.set_global("cfg", Value::Dict(vec![(Value::from("n"), Value::from(3))]))
        .unwrap();
    assert_eq!(sb.eval("cfg['n'] + 1").unwrap(), Value::from(4));
    // The guest's changes stay in the guest: the host's value was copied.
    sb.exec("cfg['n'] = 100").unwrap();
    assert_eq!(
        sb.eval("cfg").unwrap(),
        Value::Dict(vec![(Value::from("n"), Value::from(100))])
    );
}

#[test]
fn ordinary_python_works() {
    let sb = sandbox();
    sb.exec(
        r#"
class Base:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return f"Base({self.x!r})"
class Child(Base):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
    def __eq__(self, other):
        return isinstance(other, Child) and (self.x, self.y) == (other.x, other.y)
    __hash__ = None
def gen(n):
    for i in range(n):
        yield i * i
def closure():
    total = 0
    def add(v):
        nonlocal total
        total += v
        return total
    return add
add = closure()
add(3)
out = {
    "gen": sum(gen(10)),
    "comp": {k: v for k, v in zip("abc", range(3))},
    "closure": add(4),
    "eq": Child(1, 2) == Child(1, 2),
    "repr": repr(Base("q")),
    "sorted": sorted([3, 1, 2], key=lambda v: -v),
    "exc": None,
}
try:
    raise KeyError("k")
except LookupError as e:
    out["exc"] = type(e).__name__
"#,
    )
    .unwrap();
    let out = sb.eval("out").unwrap();
    assert_eq!(
        out.to_string(),
        "{'gen': 285, 'comp': {'a': 0, 'b': 1, 'c': 2}, 'closure': 7, 'eq': True, 'repr': \"Base('q')\", 'sorted': [3, 2, 1], 'exc': 'KeyError'}"
    );
}

#[test]
fn print_goes_to_the_sandbox_buffer() {
    let sb = sandbox();
    sb.exec("print('a', 1, None, sep='-', end='!')\nprint()\nprint('x', flush=True)")
        .unwrap();
    assert_eq!(sb.take_output(), "a-1-None!\nx\n");
    assert_eq!(sb.take_output(), "", "take_output drains");
    // As CPython: any object with a `write` method is a file; `object()` is not.
    assert_eq!(raises(&sb, "print('x', file=object())"), "AttributeError");
}

#[test]
fn output_is_kept_when_the_guest_fails() {
    let sb = sandbox();
    assert!(sb.exec("print('before')\nraise ValueError('x')").is_err());
    assert_eq!(sb.take_output(), "before\n");
}

#[test]
fn output_budget_is_terminal() {
    let mut policy = Policy::new();
    policy.max_output(100);
    let sb = sandbox_with(&policy);
    sb.exec("print('x' * 10)").unwrap();
    // The guest catches the error and keeps printing: the sandbox is stopped anyway.
    let err = sb
        .exec("while True:\n    try:\n        print('y' * 50)\n    except BaseException:\n        pass")
        .unwrap_err();
    assert_eq!(err, GuestError::OutputLimit { limit: 100 });
    assert!(err.is_terminal());
    assert_eq!(
        sb.take_output().len(),
        100,
        "output is cut exactly at the budget"
    );
    assert_eq!(
        sb.eval("1").unwrap_err(),
        GuestError::OutputLimit { limit: 100 }
    );
    assert_eq!(sb.stopped(), Some(GuestError::OutputLimit { limit: 100 }));
}

#[test]
fn call_of_a_missing_name_is_a_name_error() {
    let sb = sandbox();
    match sb.call("nope", &[]) {
        Err(GuestError::Exception {
            type_name, message, ..
        }) => {
            assert_eq!(type_name, "NameError");
            assert!(message.contains("nope"));
        }
        other => panic!("{other:?}"),
    }
}
