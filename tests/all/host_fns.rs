//! Host functions and methods as Python functions: optional trailing
//! arguments, `*args`, `**kwargs`, keyword arguments through every kind of
//! capability, and a panic in the host's code stopping at the capability.

use crate::util::*;
use pyocap::{Arg, CapError, Filter, GuestError, Kwargs, Methods, UserObject, Value, Variadic};

fn message(sb: &pyocap::Sandbox, src: &str) -> (String, String) {
    match sb.exec(src) {
        Err(GuestError::Exception {
            type_name, message, ..
        }) => (type_name, message),
        other => panic!("expected an exception from {src:?}, got {other:?}"),
    }
}

#[test]
fn trailing_optional_arguments_may_be_omitted() {
    let sb = sandbox();
    let greet = runtime().host_fn("greet", |(name, greeting): (String, Option<String>)| {
        Ok(format!("{}, {name}", greeting.unwrap_or_else(|| "hello".into())))
    });
    sb.grant("greet", &greet).unwrap();
    assert_eq!(sb.eval("greet('ann')").unwrap(), Value::from("hello, ann"));
    assert_eq!(sb.eval("greet('ann', 'hi')").unwrap(), Value::from("hi, ann"));
    assert_eq!(sb.eval("greet('ann', None)").unwrap(), Value::from("hello, ann"));
    assert_eq!(
        message(&sb, "greet()"),
        ("TypeError".into(), "greet() takes from 1 to 2 argument(s) (0 given)".into())
    );
    assert_eq!(message(&sb, "greet('a', 'b', 'c')").0, "TypeError");
    assert_eq!(
        message(&sb, "greet('a', 2)"),
        ("TypeError".into(), "argument 2 must be str, not int".into())
    );
}

/// `log(*parts, sep=" ")`, the example.
#[test]
fn variadic_and_keyword_arguments() {
    let sb = sandbox();
    let log = runtime().host_fn(
        "log",
        |(Variadic(parts), mut kw): (Variadic<String>, Kwargs)| {
            let sep: String = kw.take("sep")?.unwrap_or_else(|| " ".into());
            kw.finish("log")?;
            Ok(parts.join(&sep))
        },
    );
    sb.grant("log", &log).unwrap();
    assert_eq!(sb.eval("log()").unwrap(), Value::from(""));
    assert_eq!(sb.eval("log('a', 'b', 'c')").unwrap(), Value::from("a b c"));
    assert_eq!(sb.eval("log('a', 'b', sep='-')").unwrap(), Value::from("a-b"));
    assert_eq!(sb.eval("log(*['x', 'y'], **{'sep': ''})").unwrap(), Value::from("xy"));
    assert_eq!(
        message(&sb, "log('a', end='!')"),
        ("TypeError".into(), "log() got an unexpected keyword argument 'end'".into())
    );
    assert_eq!(
        message(&sb, "log('a', sep=3)"),
        ("TypeError".into(), "keyword argument 'sep' must be str, not int".into())
    );
    assert_eq!(
        message(&sb, "log('a', 1)"),
        ("TypeError".into(), "argument 2 must be str, not int".into())
    );
    // The host calls it the same way.
    let mut kw = Kwargs::new();
    kw.insert("sep", "+");
    match log.call_with_kwargs(vec!["1".into(), "2".into()], kw).unwrap() {
        Arg::Value(v) => assert_eq!(v, Value::from("1+2")),
        Arg::Cap(_) => panic!("a capability"),
    }
}

#[test]
fn a_function_without_kwargs_refuses_keywords() {
    let sb = sandbox();
    let add = runtime().host_fn("add", |(a, b): (i64, i64)| Ok(a + b));
    sb.grant("add", &add).unwrap();
    assert_eq!(sb.eval("add(2, 3)").unwrap(), Value::from(5));
    assert_eq!(
        message(&sb, "add(2, b=3)"),
        ("TypeError".into(), "add() got an unexpected keyword argument 'b'".into())
    );
    assert_eq!(
        message(&sb, "add(2)"),
        ("TypeError".into(), "add() takes 2 argument(s) (1 given)".into())
    );
}

struct Fragile;

impl UserObject for Fragile {
    fn type_name(&self) -> &str {
        "Fragile"
    }
    fn register(m: &mut Methods<Self>) {
        m.add_method("ok", |_, ()| Ok(1));
        m.add_method("explode", |_, ()| -> Result<i64, CapError> {
            panic!("host secret: the database password is hunter2")
        });
        m.add_method("options", |_, (a, b, kw): (i64, Option<i64>, Kwargs)| {
            Ok(format!("{a} {b:?} {}", kw.iter().map(|(k, _)| k).collect::<Vec<_>>().join(",")))
        });
        m.add_field("broken", |_| -> i64 { panic!("field secret") });
    }
}

/// A panic in the host's function, method or field getter is the host's
/// bug: it stops at the capability as `HostPanicked` (for the host) and a
/// `HostError` naming the function (for the guest, who may catch it); the
/// panic's message stays with the host, and the sandbox goes on.
#[test]
fn a_panic_in_host_code_stops_at_the_capability() {
    let sb = sandbox();
    let boom = runtime().host_fn("boom", |()| -> Result<(), CapError> {
        panic!("host secret: token 1234")
    });
    sb.grant("boom", &boom).unwrap();
    sb.grant("f", &runtime().wrap(Fragile)).unwrap();
    for (src, function) in [("boom()", "boom"), ("f.explode()", "Fragile.explode"), ("f.broken", "Fragile.broken")] {
        let (type_name, msg) = message(&sb, src);
        assert_eq!(type_name, "HostError", "{src}");
        assert_eq!(msg, format!("the host's {function} failed (it panicked)"));
        assert!(!msg.contains("secret"));
        // The guest can catch it, and the sandbox goes on.
        assert_eq!(sb.eval("1 + 1").unwrap(), Value::from(2));
        sb.exec(&format!("try:\n    {src}\nexcept HostError as e:\n    caught = str(e)"))
            .unwrap();
        assert_eq!(sb.eval("caught").unwrap(), Value::from(msg.as_str()));
    }
    assert_eq!(sb.eval("f.ok() + 1").unwrap(), Value::from(2));
    // The host calling directly gets the typed error, with the message.
    match boom.call(vec![]) {
        Err(CapError::HostPanicked { function, message }) => {
            assert_eq!(function, "boom");
            assert_eq!(message, "host secret: token 1234");
        }
        other => panic!("{other:?}"),
    }
    assert!(sb.stopped().is_none());
}

#[test]
fn methods_take_optional_and_keyword_arguments() {
    let sb = sandbox();
    sb.grant("f", &runtime().wrap(Fragile)).unwrap();
    assert_eq!(sb.eval("f.options(1)").unwrap(), Value::from("1 None "));
    assert_eq!(sb.eval("f.options(1, 2, x=3, y=4)").unwrap(), Value::from("1 Some(2) x,y"));
}

/// Keyword arguments reach a guest's callable through its capability: from
/// the host, and from another sandbox.
#[test]
fn keyword_arguments_reach_guest_objects() {
    let owner = sandbox();
    owner
        .exec("def fmt(*a, sep=' ', **rest):\n    return sep.join(map(str, a)) + repr(sorted(rest))\n\
               class O:\n    def m(self, x, *, scale=1): return x * scale\no = O()")
        .unwrap();
    let fmt = owner.export("fmt", Filter::public()).unwrap();
    let kw: Kwargs = [("sep", Value::from("-")), ("z", Value::from(1))].into_iter().collect();
    match fmt.call_with_kwargs(vec![1.into(), 2.into()], kw).unwrap() {
        Arg::Value(v) => assert_eq!(v, Value::from("1-2['z']")),
        Arg::Cap(_) => panic!("a capability"),
    }
    let o = owner.export("o", Filter::only(["m"])).unwrap();
    let holder = sandbox();
    holder.grant("fmt", &fmt).unwrap();
    holder.grant("o", &o).unwrap();
    assert_eq!(holder.eval("fmt('a', 'b', sep='+')").unwrap(), Value::from("a+b[]"));
    assert_eq!(holder.eval("o.m(3, scale=5)").unwrap(), Value::from(15));
    assert_eq!(message(&holder, "o.m(3, bad=5)").0, "TypeError");
}

/// A capability passed as a keyword argument through an attenuated
/// capability crosses the same membrane as a positional one.
#[test]
fn keyword_arguments_are_narrowed_like_positional_ones() {
    let a = sandbox();
    a.exec(
        "class Svc:\n    def on_event(self, *, cb): return cb(self)\n    \
         def secret(self): return 'secret'\nsvc = Svc()",
    )
    .unwrap();
    let narrow = a.export("svc", Filter::only(["on_event"])).unwrap();
    let b = sandbox();
    b.grant("n", &narrow).unwrap();
    b.exec("got = []\nn.on_event(cb=lambda s: got.append(s))").unwrap();
    assert_eq!(b.eval("got[0] is n").unwrap(), Value::Bool(true));
    assert_eq!(message(&b, "got[0].secret()").0, "AttributeError");
}

/// A call's keyword arguments cross in time linear in their number (a review
/// found 400,000 keywords took minutes of native work past the deadline),
/// and their names count against the data limits with the values.
#[test]
fn many_or_large_keywords_cross_within_the_limits() {
    use pyocap::{DataLimits, Policy};
    let mut policy = Policy::new();
    policy.deadline(Some(std::time::Duration::from_secs(20)));
    let owner = sandbox_with(&policy);
    owner.exec("def f(*a, **kw): return len(kw)\ndef ping(): return 'pong'").unwrap();
    let f = owner.export("f", Filter::public()).unwrap();
    let ping = owner.export("ping", Filter::public()).unwrap();
    let caller = sandbox_with(&policy);
    caller.grant("f", &f).unwrap();
    caller.grant("ping", &ping).unwrap();
    assert_eq!(
        caller.eval("f(**{'k%d' % i: i for i in range(200000)})").unwrap(),
        Value::from(200000)
    );
    // Names count: a name over the byte limit is refused before it crosses.
    let mut small = Policy::new();
    small.data_limits(DataLimits { max_bytes: 1000, ..DataLimits::default() });
    let tight = sandbox_with(&small);
    tight.grant("f", &f).unwrap();
    tight.grant("ping", &ping).unwrap();
    assert_eq!(message(&tight, "f(**{'a' * 2000: 1})").0, "TypeError");
    assert_eq!(message(&tight, "f(*(['a' * 600] * 2))").0, "TypeError");
    assert_eq!(tight.eval("f(**{'a' * 600: 1})").unwrap(), Value::from(1));
    assert_eq!(tight.eval("ping()").unwrap(), Value::from("pong"));
    // From the host, the owner's limits hold the same way.
    let mut kw = Kwargs::new();
    kw.insert("x".repeat(70 << 20), 1);
    assert!(f.call_with_kwargs(vec![], kw).is_err());
    assert_eq!(owner.eval("ping()").unwrap(), Value::from("pong"));
}
