//! Guest objects as capabilities: the host and other sandboxes use a guest's
//! functions and instances through proxies, and every use runs in the sandbox
//! that owns the object.

use crate::util::*;
use pyocap::{Arg, CapError, CapHandle, Filter, GuestError, Policy, Value};
use std::time::{Duration, Instant};

const ACCOUNT: &str = "
class Account:
    def __init__(self):
        self.balance = 10
        self._secret = 'hidden'
    def add(self, n):
        self.balance += n
        return self.balance
    def fail(self):
        raise ValueError('no luck')
    def _bump(self):
        self.balance += 1000
acct = Account()
def double(x):
    return x * 2
";

fn cap(v: Value) -> CapHandle {
    match v {
        Value::Cap(c) => c,
        other => panic!("expected a capability, got {other:?}"),
    }
}

fn int(a: Arg) -> i64 {
    match a {
        Arg::Value(v) => v.as_i64().unwrap_or_else(|| panic!("{v:?}")),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_host_uses_guest_objects_through_filtered_capabilities() {
    let sb = sandbox();
    sb.exec(ACCOUNT).unwrap();
    let acct = cap(sb.eval("acct").unwrap());
    assert!(acct.is_guest_object());
    assert_eq!(acct.label(), "Account");
    assert_eq!(int(acct.get("balance").unwrap()), 10);
    assert_eq!(int(acct.call_method("add", vec![5.into()]).unwrap()), 15);
    // The call ran in the guest.
    assert_eq!(sb.eval("acct.balance").unwrap(), Value::from(15));
    // Private names never pass the default filter, reading or calling.
    for name in ["_secret", "_bump", "__dict__", "__class__"] {
        assert!(
            matches!(acct.get(name), Err(CapError::NotPermitted { .. })),
            "{name}"
        );
        assert!(matches!(
            acct.call_method(name, vec![]),
            Err(CapError::NotPermitted { .. })
        ));
    }
    assert_eq!(sb.eval("acct.balance").unwrap(), Value::from(15));
    // A method is not a value; a missing attribute is not permitted.
    assert!(acct.get("add").is_err());
    assert!(matches!(
        acct.get("nope"),
        Err(CapError::NotPermitted { .. })
    ));
    // A guest exception comes back as three strings, computed in the guest.
    match acct.call_method("fail", vec![]) {
        Err(CapError::Raised {
            type_name,
            message,
            traceback,
        }) => {
            assert_eq!(
                (type_name.as_str(), message.as_str()),
                ("ValueError", "no luck")
            );
            assert!(traceback.contains("in fail"), "{traceback}");
        }
        other => panic!("{other:?}"),
    }
    // Functions are callable; arguments and results are copied.
    let double = cap(sb.eval("double").unwrap());
    assert_eq!(int(double.call(vec![21.into()]).unwrap()), 42);
    assert!(matches!(acct.call(vec![]), Err(CapError::Raised { .. })));
    // Attenuation narrows what the host handle passes.
    let narrow = acct.attenuate(&Filter::only(["balance"])).unwrap();
    assert_eq!(int(narrow.get("balance").unwrap()), 15);
    assert!(narrow.call_method("add", vec![1.into()]).is_err());
    // The owner's host may pick any filter for its guest's object.
    let wide = sb.export("acct", Filter::only(["_secret"])).unwrap();
    assert_eq!(
        wide.get("_secret").unwrap().into_value(),
        Value::from("hidden")
    );
    // Only for the sandbox's own objects.
    assert!(matches!(
        sb.export("1", Filter::public()),
        Err(GuestError::Crossing(_))
    ));
    // Revoking the capability makes it dead for every holder.
    acct.revoke();
    assert!(matches!(acct.get("balance"), Err(CapError::Revoked)));
    assert!(matches!(narrow.get("balance"), Err(CapError::Revoked)));
}

#[test]
fn guest_objects_unwrap_and_keep_identity_when_they_come_home() {
    let sb = sandbox();
    sb.exec(ACCOUNT).unwrap();
    let a1 = sb.eval("acct").unwrap();
    let a2 = sb.eval("acct").unwrap();
    assert_eq!(a1, a2, "the same object crosses as the same capability");
    sb.set_global("back", a1.clone()).unwrap();
    sb.set_global(
        "box",
        Value::Dict(vec![(Value::from("k"), Value::List(vec![a1.clone(), a2]))]),
    )
    .unwrap();
    assert_eq!(
        sb.eval("back is acct and box['k'][0] is acct and box['k'][1] is acct")
            .unwrap(),
        Value::Bool(true)
    );
    sb.exec("def kind(o):\n    return type(o).__name__")
        .unwrap();
    assert_eq!(sb.call("kind", &[a1]).unwrap(), Value::from("Account"));
}

#[test]
fn another_sandbox_uses_a_guest_object_on_its_owners_thread() {
    let a = sandbox();
    let b = sandbox();
    a.exec(ACCOUNT).unwrap();
    a.exec("WHO = 'sandbox a'\ndef who():\n    return WHO")
        .unwrap();
    b.exec("WHO = 'sandbox b'").unwrap();
    b.grant("acct", &cap(a.eval("acct").unwrap())).unwrap();
    b.grant("who", &cap(a.eval("who").unwrap())).unwrap();
    b.exec("for _ in range(3):\n    acct.add(1)").unwrap();
    assert_eq!(a.eval("acct.balance").unwrap(), Value::from(13));
    assert_eq!(b.eval("who()").unwrap(), Value::from("sandbox a"));
    assert_eq!(b.eval("acct.balance").unwrap(), Value::from(13));
    // What b holds is an opaque proxy: no way into a's objects or globals.
    assert_eq!(
        b.eval("type(acct).__name__, type(acct.add).__name__")
            .unwrap()
            .to_string(),
        "('capability', 'capability_method')"
    );
    for attempt in [
        "acct._secret",
        "acct.__dict__",
        "acct.add.__self__",
        "acct.add.__func__",
        "who.__globals__",
        "who.__code__",
        "who.__closure__",
        "acct.__class__.__init__.__globals__",
    ] {
        let t = raises(&b, attempt);
        assert!(
            ["AttributeError", "TypeError"].contains(&t.as_str()),
            "{attempt}: {t}"
        );
    }
    // An exception raised in a arrives in b as a fresh one, message only.
    b.exec("try:\n    acct.fail()\nexcept ValueError as e:\n    msg = str(e)\n    tb = e.__traceback__.tb_next")
        .unwrap();
    assert_eq!(b.eval("msg").unwrap(), Value::from("no luck"));
    assert_eq!(b.eval("tb").unwrap(), Value::None);
    // Keyword arguments cross like positional ones; a wrong keyword is the
    // owner's own TypeError.
    b.exec("acct.add(n=1)").unwrap();
    assert_eq!(raises(&b, "acct.add(m=1)"), "TypeError");
    // b's proxy handed back to a is a's object again.
    b.exec("def give():\n    return acct").unwrap();
    a.grant("give", &cap(b.eval("give").unwrap())).unwrap();
    assert_eq!(a.eval("give() is acct").unwrap(), Value::Bool(true));
}

#[test]
fn calls_nest_in_both_directions() {
    let a = sandbox();
    let b = sandbox();
    a.exec("def twice(f, x):\n    return f(f(x))").unwrap();
    b.exec("def inc(x):\n    return x + 1").unwrap();
    b.grant("twice", &cap(a.eval("twice").unwrap())).unwrap();
    // b → a → b (twice) → back to b.
    assert_eq!(b.eval("twice(inc, 1)").unwrap(), Value::from(3));
    // Deeper: b → a → b → a → b ...
    a.exec("def bounce(f, n):\n    return 0 if n == 0 else 1 + f(bounce, n - 1)")
        .unwrap();
    b.grant("bounce", &cap(a.eval("bounce").unwrap())).unwrap();
    b.exec("def back(f, n):\n    return 0 if n == 0 else 1 + f(back, n - 1)")
        .unwrap();
    assert_eq!(b.eval("bounce(back, 20)").unwrap(), Value::from(20));
    // And the host can call a guest function that calls another sandbox.
    let f = cap(b.eval("lambda: twice(inc, 10)").unwrap());
    assert_eq!(f.call(vec![]).unwrap().into_value(), Value::from(12));
}

#[test]
fn the_owners_limits_govern_its_objects() {
    let mut policy = Policy::new();
    policy.deadline(Some(Duration::from_millis(300)));
    let a = sandbox_with(&policy);
    let b = sandbox();
    a.exec("def spin():\n    while True:\n        pass")
        .unwrap();
    b.grant("spin", &cap(a.eval("spin").unwrap())).unwrap();
    let started = Instant::now();
    b.exec("try:\n    spin()\nexcept HostError as e:\n    why = str(e)")
        .unwrap();
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    let why = b.eval("why").unwrap();
    assert!(why.to_string().contains("deadline"), "{why}");
    assert!(matches!(
        a.stopped(),
        Some(GuestError::DeadlineExceeded { .. })
    ));
    // b is unaffected; a's objects now fail at once.
    assert_eq!(b.eval("1 + 1").unwrap(), Value::from(2));
    assert_eq!(raises(&b, "spin()"), "HostError");
}

#[test]
fn a_stopped_caller_returns_at_once_and_the_callee_stays_bounded() {
    let mut bounded = Policy::new();
    bounded.deadline(Some(Duration::from_millis(500)));
    let owner = sandbox_with(&bounded);
    owner
        .exec("def spin():\n    while True:\n        pass")
        .unwrap();
    let mut patient = Policy::new();
    patient.deadline(Some(Duration::from_millis(100)));
    let caller = sandbox_with(&patient);
    caller
        .grant("spin", &cap(owner.eval("spin").unwrap()))
        .unwrap();
    let started = Instant::now();
    let r = caller.exec("spin()");
    // The caller's own deadline ends its call, not the callee's.
    assert!(
        matches!(r, Err(GuestError::DeadlineExceeded { .. })),
        "{r:?}"
    );
    assert!(
        started.elapsed() < Duration::from_millis(450),
        "{:?}",
        started.elapsed()
    );
    // The call into the owner is still bounded by the owner's deadline.
    let give_up = Instant::now() + Duration::from_secs(5);
    while owner.stopped().is_none() && Instant::now() < give_up {
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(matches!(
        owner.stopped(),
        Some(GuestError::DeadlineExceeded { .. })
    ));
}

#[test]
fn dropping_the_owner_revokes_its_objects() {
    let a = sandbox();
    let b = sandbox();
    a.exec(ACCOUNT).unwrap();
    let acct = cap(a.eval("acct").unwrap());
    b.grant("acct", &acct).unwrap();
    drop(a);
    assert!(acct.is_revoked());
    assert_eq!(raises(&b, "acct.add(1)"), "RevokedError");
    assert!(matches!(
        acct.call_method("add", vec![1.into()]),
        Err(CapError::Revoked)
    ));
}

#[test]
fn capabilities_cross_inside_containers() {
    let sb = sandbox();
    let p = crate::caps::purse(runtime(), 7);
    sb.set_global(
        "box",
        Value::List(vec![Value::Cap(p.clone()), Value::from(1)]),
    )
    .unwrap();
    sb.grant("p", &p).unwrap();
    assert_eq!(sb.eval("box[0] is p").unwrap(), Value::Bool(true));
    match sb.eval("{'a': (p, p), 'n': p.balance()}").unwrap() {
        Value::Dict(pairs) => {
            let Value::Tuple(t) = &pairs[0].1 else {
                panic!("{pairs:?}")
            };
            for c in t {
                let c = c.as_cap().unwrap();
                assert!(c.same_target(&p) && !c.is_guest_object());
                assert_eq!(*c, p, "unwrapped to the host's own capability");
            }
            assert_eq!(pairs[1].1, Value::from(7));
        }
        other => panic!("{other:?}"),
    }
}

/// A leaf of a random object graph.
#[derive(Debug, Clone)]
enum Leaf {
    Int(i64),
    Str(String),
    Host(usize),
    Guest(usize),
}

#[derive(Debug, Clone)]
enum Tree {
    Leaf(Leaf),
    List(Vec<Tree>),
    Tuple(Vec<Tree>),
    Dict(Vec<Tree>),
}

fn tree() -> impl proptest::strategy::Strategy<Value = Tree> {
    use proptest::prelude::*;
    let leaf = prop_oneof![
        any::<i64>().prop_map(Leaf::Int),
        "[a-z]{0,4}".prop_map(Leaf::Str),
        (0..3usize).prop_map(Leaf::Host),
        (0..3usize).prop_map(Leaf::Guest),
    ]
    .prop_map(Tree::Leaf);
    leaf.prop_recursive(4, 40, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Tree::List),
            prop::collection::vec(inner.clone(), 0..5).prop_map(Tree::Tuple),
            prop::collection::vec(inner, 0..5).prop_map(Tree::Dict),
        ]
    })
}

/// The value for `t`, and its leaves in the order the guest's walk visits them.
fn build(t: &Tree, host: &[CapHandle], guest: &[CapHandle], leaves: &mut Vec<Leaf>) -> Value {
    match t {
        Tree::Leaf(l) => {
            leaves.push(l.clone());
            match l {
                Leaf::Int(i) => Value::from(*i),
                Leaf::Str(s) => Value::from(s.as_str()),
                Leaf::Host(i) => Value::Cap(host[*i].clone()),
                Leaf::Guest(i) => Value::Cap(guest[*i].clone()),
            }
        }
        Tree::List(v) => Value::List(v.iter().map(|x| build(x, host, guest, leaves)).collect()),
        Tree::Tuple(v) => Value::Tuple(v.iter().map(|x| build(x, host, guest, leaves)).collect()),
        Tree::Dict(v) => Value::Dict(
            v.iter()
                .enumerate()
                .map(|(i, x)| (Value::from(format!("k{i}")), build(x, host, guest, leaves)))
                .collect(),
        ),
    }
}

/// Guest code: walks `g` and describes each leaf as `('data', None)`,
/// `('proxy', n)` or `('own', i)`, where `n` numbers distinct objects by
/// identity and `i` is the index in `OBJS` (the guest's own objects).
const WALK: &str = "
def walk(x, out, seen):
    if type(x) in (list, tuple):
        for y in x:
            walk(y, out, seen)
    elif type(x) is dict:
        for y in x.values():
            walk(y, out, seen)
    elif type(x) in (int, str):
        out.append(('data', None))
    elif type(x).__name__ == 'capability':
        for n, s in enumerate(seen):
            if s is x:
                break
        else:
            n = len(seen)
            seen.append(x)
        out.append(('proxy', n))
    else:
        mine = [i for i, o in enumerate(OBJS) if o is x]
        out.append(('own', mine[0] if mine else -1))
    return out
OBJS = [Obj() for _ in range(3)]
";

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 24, ..Default::default() })]

    /// Random graphs of data, host capabilities and guest objects cross into a
    /// third sandbox and back: it sees only data and opaque proxies, one proxy
    /// per object (identity), and everything comes back as the same capability
    /// (unwrapping); in the owner's sandbox its own objects are the originals.
    #[test]
    fn random_object_graphs_keep_the_membrane_properties(t in tree()) {
        let owner = sandbox();
        owner.exec(&format!("class Obj:\n    pass\n{WALK}")).unwrap();
        let third = sandbox();
        third.exec(&format!("class Obj:\n    pass\n{WALK}")).unwrap();
        let host: Vec<CapHandle> = (0..3).map(|i| crate::caps::purse(runtime(), i)).collect();
        let guest: Vec<CapHandle> =
            (0..3).map(|i| cap(owner.eval(&format!("OBJS[{i}]")).unwrap())).collect();
        let mut leaves = Vec::new();
        let v = build(&t, &host, &guest, &mut leaves);

        third.set_global("g", v.clone()).unwrap();
        let seen = third.eval("walk(g, [], [])").unwrap();
        let Value::List(seen) = seen else { panic!("{seen:?}") };
        proptest::prop_assert_eq!(seen.len(), leaves.len());
        let mut ids: Vec<&Leaf> = Vec::new();
        for (leaf, got) in leaves.iter().zip(&seen) {
            let Value::Tuple(got) = got else { panic!("{got:?}") };
            match leaf {
                Leaf::Int(_) | Leaf::Str(_) => proptest::prop_assert_eq!(&got[0], &Value::from("data")),
                Leaf::Host(_) | Leaf::Guest(_) => {
                    // Never a raw foreign object: a proxy, numbered by identity.
                    proptest::prop_assert_eq!(&got[0], &Value::from("proxy"));
                    let n = got[1].as_i64().unwrap() as usize;
                    let first = ids.iter().position(|l| same(l, leaf));
                    match first {
                        Some(i) => proptest::prop_assert_eq!(n, i),
                        None => {
                            proptest::prop_assert_eq!(n, ids.len());
                            ids.push(leaf);
                        }
                    }
                }
            }
        }
        // Back out: the same capabilities (unwrapping), the same data.
        proptest::prop_assert_eq!(third.eval("g").unwrap(), v.clone());

        // In the owner's sandbox its own objects are the originals.
        owner.set_global("g", v.clone()).unwrap();
        let Value::List(seen) = owner.eval("walk(g, [], [])").unwrap() else { panic!() };
        for (leaf, got) in leaves.iter().zip(&seen) {
            let Value::Tuple(got) = got else { panic!("{got:?}") };
            if let Leaf::Guest(i) = leaf {
                proptest::prop_assert_eq!(&got[0], &Value::from("own"));
                proptest::prop_assert_eq!(got[1].as_i64(), Some(*i as i64));
            }
        }
        proptest::prop_assert_eq!(owner.eval("g").unwrap(), v);
    }
}

fn same(a: &Leaf, b: &Leaf) -> bool {
    matches!((a, b), (Leaf::Host(x), Leaf::Host(y)) | (Leaf::Guest(x), Leaf::Guest(y)) if x == y)
}

#[test]
fn deep_nesting_between_sandboxes_ends_in_recursion_error() {
    let a = sandbox();
    let b = sandbox();
    a.exec("def bounce(f, n):\n    return 0 if n == 0 else 1 + f(bounce, n - 1)")
        .unwrap();
    b.grant("bounce", &cap(a.eval("bounce").unwrap())).unwrap();
    b.exec("def back(f, n):\n    return 0 if n == 0 else 1 + f(back, n - 1)")
        .unwrap();
    // Far past both sandboxes' recursion limits: a typed error, never an abort.
    match b.eval("bounce(back, 100000)") {
        Err(GuestError::Exception { type_name, .. }) => {
            assert!(
                ["RecursionError", "HostError"].contains(&type_name.as_str()),
                "{type_name}"
            )
        }
        other => panic!("{other:?}"),
    }
    // Both still work.
    assert_eq!(b.eval("bounce(back, 10)").unwrap(), Value::from(10));
}

#[test]
fn hostile_exports_run_no_guest_code_on_the_way_out() {
    let sb = sandbox();
    sb.exec(
        "class Evil:\n    def __eq__(self, o):\n        while True: pass\n    def __hash__(self):\n        while True: pass\n    def __repr__(self):\n        while True: pass\n\
         Evil.__name__ = 'E' * 10000\n\
         def __getattr__(name):\n    while True: pass",
    )
    .unwrap();
    let started = Instant::now();
    let v = sb.eval("[Evil(), {'k': Evil()}]").unwrap();
    assert!(started.elapsed() < Duration::from_secs(2));
    let Value::List(items) = v else { panic!() };
    let label = items[0].as_cap().unwrap().label();
    assert!(label.len() <= 60 && label.starts_with("EEE"), "{label}");
}
