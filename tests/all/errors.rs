//! Guest exceptions and syntax errors become host errors made of strings.

use crate::util::*;
use pyocap::{GuestError, Value};

fn exception(src: &str) -> (String, String, String) {
    match sandbox().exec(src) {
        Err(GuestError::Exception {
            type_name,
            message,
            traceback,
        }) => (type_name, message, traceback),
        other => panic!("expected an exception, got {other:?}"),
    }
}

#[test]
fn exception_has_type_message_and_traceback() {
    let (t, m, tb) = exception(
        "def inner():\n    raise ValueError('bad value')\ndef outer():\n    inner()\nouter()\n",
    );
    assert_eq!(t, "ValueError");
    assert_eq!(m, "bad value");
    assert!(
        tb.starts_with("Traceback (most recent call last):\n"),
        "{tb}"
    );
    assert!(tb.contains("File \"<guest>\", line 5, in <module>"), "{tb}");
    assert!(
        tb.contains("line 2, in inner\n    raise ValueError('bad value')"),
        "{tb}"
    );
    assert!(tb.ends_with("ValueError: bad value\n"), "{tb}");
}

#[test]
fn evil_str_yields_a_placeholder() {
    let (t, m, tb) = exception(
        "class E(Exception):\n    def __str__(self):\n        raise RuntimeError('no')\nraise E()",
    );
    assert_eq!(t, "E");
    assert_eq!(m, "<exception str() failed for E>");
    assert!(tb.ends_with("E: <exception str() failed for E>\n"));
}

#[test]
fn str_returning_a_non_string_yields_a_placeholder() {
    let (_, m, _) =
        exception("class E(Exception):\n    def __str__(self):\n        return 42\nraise E()");
    assert_eq!(m, "<exception str() failed for E>");
}

#[test]
fn evil_repr_and_eq_are_never_called_by_the_host() {
    // The host formats the error without calling __repr__, __eq__ or __hash__.
    let (t, m, _) = exception(
        "class E(Exception):\n    def __repr__(self):\n        raise SystemExit\n    def __eq__(self, o):\n        raise SystemExit\n    __hash__ = None\nraise E('fine')",
    );
    assert_eq!((t.as_str(), m.as_str()), ("E", "fine"));
}

#[test]
fn huge_messages_are_truncated() {
    let (_, m, _) = exception("raise ValueError('x' * 1000000)");
    assert!(m.len() < 17 * 1024 && m.ends_with("..."), "{}", m.len());
}

#[test]
fn system_exit_and_keyboard_interrupt_are_just_exceptions() {
    assert_raises("raise SystemExit(3)", "SystemExit");
    assert_raises("raise KeyboardInterrupt", "KeyboardInterrupt");
    assert_raises("exit()", "NameError");
}

#[test]
fn exception_in_del_does_not_hurt_the_sandbox() {
    let sb = sandbox();
    sb.exec("class D:\n    def __del__(self):\n        raise ValueError('in del')\nd = D()\ndel d\nx = 1").unwrap();
    assert_eq!(sb.eval("x").unwrap(), pyocap::Value::from(1));
}

#[test]
fn syntax_errors_have_a_position() {
    match sandbox().exec("x = 1\ny = (2 +\n") {
        Err(GuestError::Syntax { line, .. }) => assert_eq!(line, 2),
        other => panic!("{other:?}"),
    }
    match sandbox().eval("1 +") {
        Err(GuestError::Syntax {
            message,
            line,
            column,
        }) => {
            assert_eq!(line, 1);
            assert!(column >= 1);
            assert!(!message.is_empty());
        }
        other => panic!("{other:?}"),
    }
    // Statements are not expressions.
    assert!(matches!(
        sandbox().eval("x = 1"),
        Err(GuestError::Syntax { .. })
    ));
}

#[test]
fn long_tracebacks_are_bounded() {
    let (t, _, tb) = exception("def f(n):\n    return f(n + 1)\nf(0)");
    assert_eq!(t, "RecursionError");
    assert!(
        tb.contains("earlier frames omitted"),
        "{}",
        &tb[..200.min(tb.len())]
    );
    assert!(tb.lines().count() < 200);
}

/// A capability call that failed because the owner sandbox hit a limit
/// carries the owner's own error; once the owner is dropped, its objects'
/// capabilities are revoked.
#[test]
fn a_capability_call_keeps_the_owners_error() {
    use pyocap::{CapError, Filter, Policy};
    let mut policy = Policy::new();
    policy.deadline(Some(std::time::Duration::from_millis(200)));
    let owner = sandbox_with(&policy);
    owner.exec("def spin():\n    while True: pass\ndef ok(): return 1").unwrap();
    let spin = owner.export("spin", Filter::public()).unwrap();
    let ok = owner.export("ok", Filter::public()).unwrap();
    match spin.call(vec![]) {
        Err(CapError::Stopped(e)) => {
            assert!(matches!(*e, GuestError::DeadlineExceeded { .. }), "{e:?}")
        }
        other => panic!("{other:?}"),
    }
    // The owner is stopped now: a later call gets the same reason.
    match ok.call(vec![]) {
        Err(CapError::Stopped(e)) => {
            assert!(matches!(*e, GuestError::DeadlineExceeded { .. }), "{e:?}")
        }
        other => panic!("{other:?}"),
    }
    // A guest caller gets a HostError saying why.
    let caller = sandbox();
    caller.grant("ok", &ok).unwrap();
    match caller.exec("ok()") {
        Err(GuestError::Exception {
            type_name, message, ..
        }) => {
            assert_eq!(type_name, "HostError");
            assert!(message.contains("deadline"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    drop(owner);
    assert_eq!(ok.call(vec![]).unwrap_err(), CapError::Revoked);
}

#[test]
fn the_interpreters_own_words_are_cpythons_where_the_guest_sees_them() {
    let sb = sandbox();
    // In a handler, bare or named, nested in a function.
    sb.exec(
        "def f():\n    try:\n        max([])\n    except ValueError as e:\n        return str(e)\n\
         class Mine(ValueError): pass\n\
         def g():\n    try:\n        raise Mine('max() iterable argument is empty')\n    except Exception as e:\n        return str(e)\n",
    )
    .unwrap();
    assert_eq!(sb.eval("f()").unwrap(), Value::from("max() arg is an empty sequence"));
    // A guest's own subclass keeps its words.
    assert_eq!(sb.eval("g()").unwrap(), Value::from("max() iterable argument is empty"));
    // Leaving the sandbox, with the exception chained to it.
    match sb.exec("try:\n    (1, 2)[0] = 3\nexcept KeyError:\n    pass\n") {
        Err(GuestError::Exception { message, .. }) => {
            assert_eq!(message, "'tuple' object does not support item assignment")
        }
        other => panic!("{other:?}"),
    }
    match sb.exec("try:\n    a, b = [1, 2, 3]\nfinally:\n    pass\n") {
        Err(GuestError::Exception { message, .. }) => assert_eq!(message, "too many values to unpack (expected 2)"),
        other => panic!("{other:?}"),
    }
    // A guest's own long message is left alone, in a handler and leaving:
    // no scan of it, no recursion over its repeated prefix.
    sb.exec("m = 'ValueError: ' * 2_000_000\ntry:\n    raise ValueError(m)\nexcept ValueError as e:\n    same = str(e) == m\n").unwrap();
    assert_eq!(sb.eval("same").unwrap(), Value::Bool(true));
    match sb.exec("raise ValueError(m)") {
        Err(GuestError::Exception { message, .. }) => assert!(message.starts_with("ValueError: ValueError: ")),
        other => panic!("{other:?}"),
    }
    // What a later handler reads of an exception handled before it.
    sb.exec("try:\n    try:\n        min([])\n    except ValueError:\n        raise KeyError('k')\nexcept KeyError as k:\n    seen = str(k.__context__)\n").unwrap();
    assert_eq!(sb.eval("seen").unwrap(), Value::from("min() arg is an empty sequence"));
}
