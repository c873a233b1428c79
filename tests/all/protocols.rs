//! Capabilities forward the Python protocols their filter passes: `len`,
//! iteration, `in`, indexing, `with` (SPEC §3.3). A protocol the filter does
//! not pass, or the object does not offer, is the same `TypeError`.

use crate::util::*;
use pyocap::{Arg, CapError, CapHandle, Filter, Methods, UserObject, Value};
use std::sync::Mutex;

/// A host collection.
struct Shelf(Vec<String>);

impl UserObject for Shelf {
    fn type_name(&self) -> &str {
        "Shelf"
    }
    fn register(m: &mut Methods<Self>) {
        m.add_method("__len__", |this, ()| Ok(this.0.len() as i64));
        m.add_method("__getitem__", |this, (i,): (i64,)| {
            this.0
                .get(i as usize)
                .cloned()
                .ok_or_else(|| CapError::failed("no such shelf slot"))
        });
        m.add_method("__contains__", |this, (x,): (String,)| Ok(this.0.contains(&x)));
        // Iteration hands out a copy of the items (data).
        m.add_method("__iter__", |this, ()| {
            Ok(Value::List(this.0.iter().map(|s| Value::from(s.as_str())).collect()))
        });
        m.add_method("first", |this, ()| Ok(this.0.first().cloned()));
    }
}

/// A host iterator counting down, ending with `CapError::StopIteration`.
struct Countdown(Mutex<i64>);

impl UserObject for Countdown {
    fn type_name(&self) -> &str {
        "Countdown"
    }
    fn register(m: &mut Methods<Self>) {
        m.add_method("__next__", |this, ()| {
            let mut n = this.0.lock().unwrap();
            if *n == 0 {
                return Err(CapError::StopIteration);
            }
            *n -= 1;
            Ok(*n + 1)
        });
    }
}

/// A host object whose `__iter__` hands out an iterator capability.
struct Launcher;

impl UserObject for Launcher {
    fn type_name(&self) -> &str {
        "Launcher"
    }
    fn register(m: &mut Methods<Self>) {
        m.add_method("__iter__", |_, ()| Ok(runtime().wrap(Countdown(Mutex::new(3)))));
    }
}

/// A host file-like object for `with`.
#[derive(Default)]
struct Log {
    lines: Mutex<Vec<String>>,
    closed: Mutex<bool>,
    exits: Mutex<Vec<(Value, Value)>>,
}

impl UserObject for Log {
    fn type_name(&self) -> &str {
        "Log"
    }
    fn register(m: &mut Methods<Self>) {
        m.add_method("write", |this, (line,): (String,)| {
            if *this.closed.lock().unwrap() {
                return Err(CapError::failed("closed"));
            }
            this.lines.lock().unwrap().push(line);
            Ok(())
        });
        m.add_method("__enter__", |_, ()| Ok("entered"));
        m.add_method("__exit__", |this, (kind, message, tb): (Value, Value, Value)| {
            assert_eq!(tb, Value::None);
            *this.closed.lock().unwrap() = true;
            let suppress = kind == Value::from("ValueError");
            this.exits.lock().unwrap().push((kind, message));
            Ok(suppress)
        });
        m.add_field("closed", |this| *this.closed.lock().unwrap());
    }
}

fn shelf() -> CapHandle {
    runtime().wrap(Shelf(vec!["a".into(), "b".into(), "c".into()]))
}

#[test]
fn a_host_collection_works_in_ordinary_guest_code() {
    let sb = sandbox();
    sb.grant("s", &shelf()).unwrap();
    assert_eq!(
        sb.eval("(len(s), s[1], 'b' in s, 'z' in s, list(s), [x * 2 for x in s], sorted(s, reverse=True))")
            .unwrap()
            .to_string(),
        "(3, 'b', True, False, ['a', 'b', 'c'], ['aa', 'bb', 'cc'], ['c', 'b', 'a'])"
    );
    assert_eq!(sb.eval("s.__len__()").unwrap(), Value::from(3));
    assert_eq!(raises(&sb, "s[7]"), "HostError");
    // A capability is true whatever its length.
    assert_eq!(sb.eval("bool(s)").unwrap(), Value::Bool(true));
}

#[test]
fn a_host_iterator_ends_with_stop_iteration() {
    let sb = sandbox();
    sb.grant("launcher", &runtime().wrap(Launcher)).unwrap();
    assert_eq!(sb.eval("list(launcher)").unwrap().to_string(), "[3, 2, 1]");
    sb.exec("it = iter(launcher)\nfirst = next(it)\nrest = [x for x in it]").unwrap();
    assert_eq!(sb.eval("(first, rest)").unwrap().to_string(), "(3, [2, 1])");
    assert_eq!(raises(&sb, "next(it)"), "StopIteration");
    // The host sees the same signal.
    let countdown = runtime().wrap(Countdown(Mutex::new(0)));
    assert!(matches!(countdown.call_method("__next__", vec![]), Err(CapError::StopIteration)));
}

#[test]
fn with_forwards_enter_and_exit_with_data_only() {
    let sb = sandbox();
    let log = runtime().wrap(Log::default());
    sb.grant("log", &log).unwrap();
    sb.exec("with log as entered:\n    log.write('one')\nafter = log.closed").unwrap();
    assert_eq!(sb.eval("(entered, after)").unwrap().to_string(), "('entered', True)");
    // An exception in the block: __exit__ gets its class name and message; a
    // true answer suppresses it, a false one lets it through.
    sb.exec("with log:\n    raise ValueError('bad value')\nsuppressed = True").unwrap();
    assert_eq!(sb.eval("suppressed").unwrap(), Value::Bool(true));
    assert_eq!(raises(&sb, "with log:\n    raise KeyError('k')"), "KeyError");
    let log = log.downcast::<Log>().unwrap();
    let exits = log.exits.lock().unwrap().clone();
    assert_eq!(
        exits,
        vec![
            (Value::None, Value::None),
            (Value::from("ValueError"), Value::from("bad value")),
            (Value::from("KeyError"), Value::from("'k'")),
        ]
    );
}

/// A protocol the filter does not pass fails exactly as one the object does
/// not offer: the same `TypeError`.
#[test]
fn unallowed_protocols_fail_like_missing_ones() {
    let sb = sandbox();
    let narrow = shelf().attenuate(&Filter::only(["__len__", "first"])).unwrap();
    sb.grant("n", &narrow).unwrap();
    // A host object offering none of these protocols.
    sb.grant("p", &runtime().wrap(Log::default())).unwrap();
    assert_eq!(sb.eval("len(n)").unwrap(), Value::from(3));
    for (narrowed, missing) in [
        ("iter(n)", "iter(p)"),
        ("n[0]", "p[0]"),
        ("'a' in n", "'a' in p"),
        ("next(n)", "next(p)"),
    ] {
        let a = message_of(&sb, narrowed);
        let b = message_of(&sb, missing);
        assert_eq!(a.0, "TypeError", "{narrowed}");
        assert_eq!(a, b, "{narrowed} / {missing}");
    }
    assert_eq!(message_of(&sb, "with n:\n    pass").0, "TypeError");
    // Public filters pass the protocols; no other `_` name passes.
    assert!(Filter::public().permits("__len__"));
    assert!(!Filter::public().permits("__class__"));
    assert!(!Filter::public().permits("__init__"));
    assert!(!Filter::public().narrow(&Filter::only(["__dict__"])).permits("__dict__"));
    assert!(Filter::public().narrow(&Filter::only(["__iter__"])).permits("__iter__"));
}

fn message_of(sb: &pyocap::Sandbox, src: &str) -> (String, String) {
    match sb.exec(src) {
        Err(pyocap::GuestError::Exception {
            type_name, message, ..
        }) => (type_name, message.replace(src, "")),
        other => panic!("{src}: {other:?}"),
    }
}

/// A guest object of another sandbox, through a public capability: its
/// protocols run in its owner, and its iterator crosses as a capability too.
#[test]
fn a_guest_collection_of_another_sandbox_works_through_its_capability() {
    let owner = sandbox();
    owner
        .exec(
            "class Bag:\n    def __init__(self): self.items = [1, 2, 3]; self.entered = 0\n    \
             def __len__(self): return len(self.items)\n    \
             def __iter__(self): return iter(self.items)\n    \
             def __contains__(self, x): return x in self.items\n    \
             def __getitem__(self, i): return self.items[i]\n    \
             def __enter__(self): self.entered += 1; return 'in'\n    \
             def __exit__(self, t, e, tb): return t == 'ZeroDivisionError'\n\
             bag = Bag()",
        )
        .unwrap();
    let bag = owner.export("bag", Filter::public()).unwrap();
    let holder = sandbox();
    holder.grant("bag", &bag).unwrap();
    assert_eq!(
        holder
            .eval("(len(bag), list(bag), sum(bag), 2 in bag, 9 in bag, bag[-1])")
            .unwrap()
            .to_string(),
        "(3, [1, 2, 3], 6, True, False, 3)"
    );
    assert_eq!(raises(&holder, "bag[10]"), "IndexError");
    holder.exec("with bag as x:\n    1 / 0\nok = x").unwrap();
    assert_eq!(holder.eval("ok").unwrap(), Value::from("in"));
    assert_eq!(owner.eval("bag.entered").unwrap(), Value::from(1));
    // The iterator a narrowed capability gives passes no more than it: it
    // must pass `__next__` too.
    let narrow = owner.export("bag", Filter::only(["__iter__"])).unwrap();
    let other = sandbox();
    other.grant("bag", &narrow).unwrap();
    assert_eq!(raises(&other, "next(iter(bag))"), "TypeError");
    let both = owner.export("bag", Filter::only(["__iter__", "__next__"])).unwrap();
    other.grant("bag2", &both).unwrap();
    assert_eq!(other.eval("list(bag2)").unwrap().to_string(), "[1, 2, 3]");
    // From the host, the protocol methods are ordinary methods.
    match bag.call_method("__len__", vec![]).unwrap() {
        Arg::Value(v) => assert_eq!(v, Value::from(3)),
        Arg::Cap(_) => panic!("a capability"),
    }
}
