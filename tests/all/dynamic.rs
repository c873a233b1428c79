//! Host objects whose members are known only at run time (`DynamicObject`,
//! the CPython package's objects), `CapHandle::member`/`names`/`rewrap`, and
//! `interruptible`.

use crate::util::*;
use pyocap::{Arg, CapError, DynamicObject, Filter, GuestError, Kwargs, Member, Policy, Value};
use std::sync::atomic::{AtomicI64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A record of named integer fields, each read when asked, with a method
/// `add(name, k)`, a method `me()` returning this object, and a call counter.
struct Record {
    fields: Vec<(String, AtomicI64)>,
    me: std::sync::OnceLock<pyocap::CapHandle>,
    calls: AtomicUsize,
}

impl DynamicObject for Record {
    fn type_name(&self) -> &str {
        "Record"
    }
    fn names(&self) -> Vec<String> {
        let mut n: Vec<String> = self.fields.iter().map(|(k, _)| k.clone()).collect();
        n.extend(["add".into(), "me".into(), "_hidden".into()]);
        n
    }
    fn get(&self, name: &str) -> Result<Member, CapError> {
        if matches!(name, "add" | "me" | "_hidden" | "boom") {
            return Ok(Member::Method);
        }
        self.fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| Member::Value(v.load(Ordering::SeqCst).into()))
            .ok_or_else(|| CapError::NotPermitted { name: name.into() })
    }
    fn call_method(&self, name: &str, args: Vec<Arg>, _: Kwargs) -> Result<Arg, CapError> {
        self.calls.fetch_add(1, Ordering::SeqCst);
        match (name, args.as_slice()) {
            ("add", [Arg::Value(Value::Str(field)), Arg::Value(k)]) => {
                let k = k.as_i64().ok_or_else(|| CapError::failed("k must be an int"))?;
                let (_, v) = self
                    .fields
                    .iter()
                    .find(|(f, _)| f == field)
                    .ok_or_else(|| CapError::failed("no such field"))?;
                Ok((v.fetch_add(k, Ordering::SeqCst) + k).into())
            }
            ("me", []) => Ok(Arg::Cap(self.me.get().expect("set").clone())),
            ("_hidden", []) => Ok("hidden".into()),
            ("boom", _) => panic!("host bug"),
            _ => Err(CapError::NotPermitted { name: name.into() }),
        }
    }
}

fn record() -> Arc<Record> {
    Arc::new(Record {
        fields: vec![("x".into(), AtomicI64::new(1)), ("y".into(), AtomicI64::new(2))],
        me: std::sync::OnceLock::new(),
        calls: AtomicUsize::new(0),
    })
}

/// `Arc<Record>` as the object (so the test keeps a view of its state).
struct Shared(Arc<Record>);

impl DynamicObject for Shared {
    fn type_name(&self) -> &str {
        self.0.type_name()
    }
    fn names(&self) -> Vec<String> {
        self.0.names()
    }
    fn get(&self, name: &str) -> Result<Member, CapError> {
        self.0.get(name)
    }
    fn call_method(&self, name: &str, args: Vec<Arg>, kw: Kwargs) -> Result<Arg, CapError> {
        self.0.call_method(name, args, kw)
    }
}

#[test]
fn a_dynamic_object_answers_each_name_when_asked() {
    let rec = record();
    let cap = runtime().wrap_dynamic(Shared(rec.clone()), Filter::public());
    rec.me.set(cap.clone()).ok();
    let sb = sandbox();
    sb.grant("r", &cap).unwrap();
    assert_eq!(sb.eval("r.x + r.y").unwrap(), Value::from(3));
    assert_eq!(sb.eval("r.add('x', 10)").unwrap(), Value::from(11));
    assert_eq!(sb.eval("r.x").unwrap(), Value::from(11));
    assert_eq!(sb.eval("repr(r)").unwrap(), Value::from("<Record capability>"));
    // The public filter: `_` names never pass, and dir() shows what passes.
    assert_eq!(raises(&sb, "r._hidden()"), "AttributeError");
    assert_eq!(
        sb.eval("sorted(dir(r))").unwrap(),
        Value::List(vec!["add".into(), "me".into(), "x".into(), "y".into()])
    );
    assert_eq!(raises(&sb, "r.nothing"), "AttributeError");
    assert_eq!(raises(&sb, "r()"), "TypeError");
    assert_eq!(raises(&sb, "r.add('z', 1)"), "HostError");
    // A method returning its own capability gives back the same proxy.
    assert_eq!(sb.eval("r.me() is r").unwrap(), Value::Bool(true));
    // The host sees the same object through the handle.
    assert!(cap.downcast::<Shared>().is_ok());
    assert_eq!(cap.names().unwrap(), vec!["add", "me", "x", "y"]);
    assert!(matches!(cap.member("add").unwrap(), Member::Method));
    assert!(matches!(cap.member("x").unwrap(), Member::Value(Arg::Value(_))));
    assert!(matches!(cap.member("_hidden"), Err(CapError::NotPermitted { .. })));
}

#[test]
fn a_panic_in_a_dynamic_object_stops_at_the_capability() {
    let cap = runtime().wrap_dynamic(Shared(record()), Filter::only(["boom"]));
    let sb = sandbox();
    sb.grant("r", &cap).unwrap();
    sb.exec("try:\n    r.boom()\nexcept Exception as e:\n    caught = type(e).__name__")
        .unwrap();
    assert_eq!(sb.eval("caught").unwrap(), Value::from("HostError"));
    assert_eq!(sb.eval("1 + 1").unwrap(), Value::from(2));
}

#[test]
fn rewrap_gives_a_root_of_the_same_object_and_never_widens_a_derived_capability() {
    let rec = record();
    let public = runtime().wrap_dynamic(Shared(rec.clone()), Filter::public());
    let narrow = public.rewrap(Filter::only(["me", "x"])).unwrap();
    let hidden = public.rewrap(Filter::only(["_hidden"])).unwrap();
    rec.me.set(public.clone()).ok();
    assert!(narrow.same_target(&public) && hidden.same_target(&public));
    let sb = sandbox();
    sb.grant("n", &narrow).unwrap();
    sb.grant("h", &hidden).unwrap();
    // A root may list `_` names.
    assert_eq!(sb.eval("h._hidden()").unwrap(), Value::from("hidden"));
    // What a root reaches stays within its filter: `me()` returns the public
    // capability narrowed to `n`'s names, which is `n` itself (one proxy per
    // object and filter).
    assert_eq!(sb.eval("n.me() is n").unwrap(), Value::Bool(true));
    assert_eq!(raises(&sb, "n.me().add('x', 1)"), "AttributeError");
    // Only a root of a host object can be re-wrapped.
    let attenuated = public.attenuate(&Filter::only(["x"])).unwrap();
    assert!(matches!(
        attenuated.rewrap(Filter::public()),
        Err(CapError::NotPermitted { .. })
    ));
    sb.exec("class G:\n    pass\ng = G()").unwrap();
    let guest = sb.export("g", Filter::public()).unwrap();
    assert!(matches!(guest.rewrap(Filter::public()), Err(CapError::NotPermitted { .. })));
    // Independent roots: revoking one leaves the other.
    narrow.revoke();
    assert_eq!(raises(&sb, "n.me()"), "RevokedError");
    assert!(!public.is_revoked());
}

#[test]
fn interruptible_stops_the_sandbox_waited_for() {
    let sb = sandbox();
    let start = Instant::now();
    let checks = Arc::new(AtomicUsize::new(0));
    let seen = checks.clone();
    let ended = pyocap::interruptible(
        move || {
            seen.fetch_add(1, Ordering::SeqCst);
            start.elapsed() > Duration::from_millis(150)
        },
        || sb.exec("while True: pass"),
    );
    assert!(matches!(ended, Err(GuestError::Stopped)), "{ended:?}");
    assert!(start.elapsed() < Duration::from_secs(3));
    assert!(checks.load(Ordering::SeqCst) >= 2);
    // Outside `interruptible` no check runs, and a quick call never calls it.
    let other = sandbox();
    let never = Arc::new(AtomicUsize::new(0));
    let n = never.clone();
    let v = pyocap::interruptible(
        move || {
            n.fetch_add(1, Ordering::SeqCst);
            false
        },
        || other.eval("6 * 7"),
    );
    assert_eq!(v.unwrap(), Value::from(42));
    assert_eq!(never.load(Ordering::SeqCst), 0);
}

/// A sandbox `owner` with a `spin()` that never returns, and a sandbox
/// `caller` granted it; neither has a deadline.
fn spinning_pair() -> (pyocap::Sandbox, pyocap::Sandbox) {
    let mut endless = Policy::new();
    endless.deadline(None);
    let owner = sandbox_with(&endless);
    owner
        .exec("def spin():\n    while True:\n        pass")
        .unwrap();
    let caller = sandbox_with(&endless);
    caller
        .grant("spin", &owner.export("spin", Filter::public()).unwrap())
        .unwrap();
    (owner, caller)
}

#[test]
fn an_interrupt_ends_the_whole_nested_wait() {
    // The host thread waits for `caller`, whose guest waits for `owner`'s
    // object. An interrupt stops both: the callee does not run on for ever on
    // the caller's behalf.
    let (owner, caller) = spinning_pair();
    let start = Instant::now();
    let ended = pyocap::interruptible(
        move || start.elapsed() > Duration::from_millis(150),
        || caller.exec("spin()"),
    );
    assert!(matches!(ended, Err(GuestError::Stopped)), "{ended:?}");
    let give_up = Instant::now() + Duration::from_secs(5);
    while owner.stopped().is_none() && Instant::now() < give_up {
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(owner.stopped(), Some(GuestError::Stopped));

    // A stop handle of the caller ends only the caller: the callee runs on to
    // its own deadline (here none), and answers once it is stopped itself.
    let (owner, caller) = spinning_pair();
    let stop = caller.stop_handle();
    let worker = std::thread::spawn(move || caller.exec("spin()"));
    std::thread::sleep(Duration::from_millis(100));
    stop.stop();
    assert_eq!(worker.join().unwrap(), Err(GuestError::Stopped));
    std::thread::sleep(Duration::from_millis(100));
    assert_eq!(owner.stopped(), None);
    owner.stop_handle().stop();
    assert_eq!(owner.stopped(), Some(GuestError::Stopped));
}
