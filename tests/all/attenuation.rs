//! Attenuation is transitive: whatever a guest reaches through a capability
//! passes at most what that capability passes (SPEC §3.7).

use crate::util::*;
use proptest::prelude::*;
use pyocap::{Arg, CapError, CapHandle, Filter, GuestError, Sandbox, Value};
use std::collections::BTreeSet;

/// The owner: nodes whose methods return other nodes (or themselves), an
/// identity function and a function that calls back.
const OWNER: &str = "
class Node:
    def __init__(self, i):
        self.i = i
        self.links = []
    def m0(self): return self.links[0]
    def m1(self): return self.links[1]
    def m2(self): return self.links[2]
    def echo(self, x): return x
    def back(self, f): return f()
    def call_with(self, f): return f(self.links[0]), f([self])
    def visit(self, v): v(self); v(self.links[1])
    def stash(self, s): s.put(self); s.put(self.links[2])
    def secret(self): return 'secret'
class Sink:
    def __init__(self): self.items = []
    def put(self, x): self.items.append(x)
    def get(self, i): return self.items[i]
def echo(x): return x
def back(f): return f()
nodes = [Node(i) for i in range(4)]
sink = Sink()
";

/// The names every node offers.
const NAMES: &[&str] =
    &["back", "call_with", "echo", "m0", "m1", "m2", "secret", "stash", "visit"];

fn owner(links: &[[usize; 3]]) -> Sandbox {
    let a = sandbox();
    a.exec(OWNER).unwrap();
    for (i, l) in links.iter().enumerate() {
        a.exec(&format!("nodes[{i}].links = [nodes[{}], nodes[{}], nodes[{}]]", l[0], l[1], l[2]))
            .unwrap();
    }
    a
}

fn cap(v: Value) -> CapHandle {
    match v {
        Value::Cap(c) => c,
        other => panic!("not a capability: {other:?}"),
    }
}

fn names(v: &Value) -> BTreeSet<String> {
    match v {
        Value::List(items) => items
            .iter()
            .map(|i| match i {
                Value::Str(s) => s.clone(),
                other => panic!("{other:?}"),
            })
            .collect(),
        other => panic!("{other:?}"),
    }
}

fn refused(sb: &Sandbox, src: &str) -> bool {
    matches!(sb.exec(src), Err(GuestError::Exception { type_name, .. }) if type_name == "AttributeError")
}

#[test]
fn a_method_returning_self_gives_back_no_more_than_the_grant() {
    let a = owner(&[[0, 0, 0]; 4]);
    let b = sandbox();
    let narrow = a.export("nodes[0]", Filter::only(["m0"])).unwrap();
    b.grant("n", &narrow).unwrap();
    // The same object through the same grant is the same proxy.
    assert_eq!(b.eval("n.m0() is n and n.m0().m0() is n").unwrap(), Value::Bool(true));
    assert!(refused(&b, "n.m0().secret()"));
    assert!(refused(&b, "n.m0().echo"));
    assert_eq!(b.eval("dir(n.m0())").unwrap(), Value::List(vec!["m0".into()]));
    // The host's own calls are narrowed the same way.
    let back = match narrow.call_method("m0", vec![]).unwrap() {
        Arg::Cap(c) => c,
        other => panic!("{other:?}"),
    };
    assert_eq!(back.filter().unwrap(), Filter::only(["m0"]));
    assert!(matches!(back.call_method("secret", vec![]), Err(CapError::NotPermitted { .. })));
    // A wider grant of the same object is a different, wider proxy.
    let wide = a.export("nodes[0]", Filter::public()).unwrap();
    b.grant("w", &wide).unwrap();
    assert_eq!(b.eval("w is not n and w.m0() is w and w.secret()").unwrap(), Value::from("secret"));
}

#[test]
fn an_attenuated_capability_handed_back_to_its_owner_stays_attenuated() {
    let a = owner(&[[0, 0, 0]; 4]);
    let b = sandbox();
    let full = cap(a.eval("nodes[1]").unwrap());
    let narrow = full.attenuate(&Filter::only(["m0", "echo"])).unwrap();
    b.grant("n", &narrow).unwrap();
    b.grant("echo", &cap(a.eval("echo").unwrap())).unwrap();
    b.grant("back", &cap(a.eval("back").unwrap())).unwrap();
    // Through the owner's identity function, through a method, through a
    // callback the owner calls: the same narrow proxy comes back.
    assert_eq!(
        b.eval("echo(n) is n and n.echo(n) is n and back(lambda: n) is n")
            .unwrap(),
        Value::Bool(true)
    );
    assert!(refused(&b, "echo(n).secret()"));
    assert!(refused(&b, "back(lambda: n).secret()"));
    // The owner itself gets the object only through its own authority.
    assert_eq!(a.call("echo", &[Value::Cap(full.clone())]).unwrap(), Value::Cap(full));
}

#[test]
fn attenuation_survives_a_hand_off_through_another_sandbox() {
    let a = owner(&[[0, 0, 0]; 4]);
    let (b, c) = (sandbox(), sandbox());
    c.exec("kept = []\ndef keep(x): kept.append(x)\ndef give(): return kept[-1]")
        .unwrap();
    let narrow = a.export("nodes[2]", Filter::only(["m0"])).unwrap();
    b.grant("n", &narrow).unwrap();
    b.grant("keep", &cap(c.eval("keep").unwrap())).unwrap();
    b.grant("give", &cap(c.eval("give").unwrap())).unwrap();
    assert_eq!(b.eval("keep(n) or give() is n").unwrap(), Value::Bool(true));
    assert!(refused(&b, "give().m0().secret()"));
    assert!(refused(&c, "kept[0].secret()"));
}

/// One granted capability: a node and the names its filter lists (`None`: public).
type Grant = (usize, Option<Vec<&'static str>>);

fn grant_strategy() -> impl Strategy<Value = Grant> {
    (
        0..4usize,
        prop::option::of(prop::sample::subsequence(NAMES.to_vec(), 0..=NAMES.len())),
    )
}

/// The guest explores everything it can reach: every method of every proxy it
/// holds, with every proxy it holds as the argument of `echo`, as the result of
/// a callback of `back`, what the owner passes into a callback of `call_with`,
/// what the owner hands to a third sandbox's function (`visit(keep)`) or
/// stores in its own object the guest holds publicly (`stash(sink)`), and
/// through another sandbox's store; it reports what
/// each proxy it ended up holding permits (`dir`).
const EXPLORE: &str = "
held = list(granted)
def seen(p):
    return any(p is q for q in held)
def add(x):
    if type(x).__name__ == 'capability' and not seen(x):
        held.append(x)
for _ in range(3):
    for p in list(held):
        for name in dir(p):
            try:
                if name in ('m0', 'm1', 'm2'):
                    add(getattr(p, name)())
                elif name == 'echo':
                    for q in list(held):
                        add(p.echo(q))
                elif name == 'back':
                    for q in list(held):
                        add(p.back(lambda: q))
                elif name == 'call_with':
                    # The owner passes objects into the guest's callback.
                    p.call_with(lambda x: [add(y) for y in x] if type(x) is list else add(x))
                elif name == 'visit':
                    # The owner hands objects to a third sandbox's function.
                    p.visit(keep)
                    add(give())
                elif name == 'stash':
                    # The owner stores objects in its own, publicly held sink.
                    p.stash(sink)
                    for i in range(len(sink.items)):
                        add(sink.get(i))
            except AttributeError:
                pass
    for q in list(held):
        keep(q)
        add(give())
        add(echo(q))
report = [sorted(dir(p)) for p in held]
";

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Over random object graphs and random grants, every proxy the guest ends
    /// up holding permits a subset of the names of some capability it was
    /// granted.
    #[test]
    fn every_proxy_reached_permits_no_more_than_some_grant(
        links in prop::array::uniform4(prop::array::uniform3(0..4usize)),
        grants in prop::collection::vec(grant_strategy(), 1..4),
    ) {
        let a = owner(&links);
        let (b, c) = (sandbox(), sandbox());
        c.exec("kept = []\ndef keep(x): kept.append(x)\ndef give(): return kept[-1]").unwrap();
        b.grant("keep", &cap(c.eval("keep").unwrap())).unwrap();
        b.grant("give", &cap(c.eval("give").unwrap())).unwrap();
        b.grant("echo", &cap(a.eval("echo").unwrap())).unwrap();
        b.grant("sink", &a.export("sink", Filter::public()).unwrap()).unwrap();
        let mut permitted: Vec<BTreeSet<String>> = Vec::new();
        b.exec("granted = []").unwrap();
        for (i, (node, only)) in grants.iter().enumerate() {
            let filter = match only {
                Some(names) => Filter::only(names.iter().copied()),
                None => Filter::public(),
            };
            // Half the grants are attenuated copies of a public export, half
            // are exports with the filter itself.
            let handle = if i % 2 == 0 {
                a.export(&format!("nodes[{node}]"), filter).unwrap()
            } else {
                cap(a.eval(&format!("nodes[{node}]")).unwrap()).attenuate(&filter).unwrap()
            };
            b.grant(&format!("g{i}"), &handle).unwrap();
            b.exec(&format!("granted.append(g{i})")).unwrap();
            permitted.push(names(&b.eval(&format!("sorted(dir(g{i}))")).unwrap()));
        }
        b.exec(EXPLORE).unwrap();
        let report = match b.eval("report").unwrap() {
            Value::List(r) => r,
            other => panic!("{other:?}"),
        };
        for held in &report {
            let held = names(held);
            prop_assert!(
                permitted.iter().any(|p| held.is_subset(p)),
                "a proxy permitting {held:?}, grants {permitted:?}"
            );
        }
    }
}

/// What the owner passes into a callback the holder of an attenuated
/// capability gave it crosses the same membrane: it passes at most what the
/// capability passes (an owner calling `cb(self)` handed the holder a full
/// proxy of the object its grant had narrowed).
#[test]
fn what_the_owner_passes_to_a_holder_callback_is_narrowed() {
    let a = sandbox();
    a.exec(
        "class Svc:\n    def on_event(self, cb): return cb(self)\n    \
         def on_each(self, cbs): return [cb([self]) for cb in cbs]\n    \
         def secret(self): return 'secret'\nsvc = Svc()",
    )
    .unwrap();
    let narrow = a.export("svc", Filter::only(["on_event", "on_each"])).unwrap();
    let b = sandbox();
    b.grant("n", &narrow).unwrap();
    b.exec("got = []\nn.on_event(lambda s: got.append(s))\nn.on_each([lambda l: got.extend(l)])")
        .unwrap();
    assert_eq!(b.eval("got[0] is n and got[1] is n").unwrap(), Value::Bool(true));
    assert!(refused(&b, "got[0].secret()"));
    assert!(refused(&b, "got[1].secret()"));
    // A holder granted the full object keeps it whole.
    let whole = a.export("svc", Filter::public()).unwrap();
    let c = sandbox();
    c.grant("n", &whole).unwrap();
    assert_eq!(
        c.eval("(lambda got: (n.on_event(got.append), got[0].secret())[1])([])").unwrap(),
        Value::from("secret")
    );
}

/// A callback handed in through a narrowed capability and handed back by the
/// owner is narrowed on the way back too (§3.5: it unwraps only at full
/// authority); through a public capability the holder gets its own function.
#[test]
fn a_callback_handed_back_unwraps_only_at_full_authority() {
    let a = sandbox();
    a.exec("class Svc:\n    def keep(self, cb): self.cb = cb\n    def give(self): return self.cb\nsvc = Svc()")
        .unwrap();
    for (filter, unwrapped) in [(Filter::only(["keep", "give"]), false), (Filter::public(), true)] {
        let b = sandbox();
        b.grant("n", &a.export("svc", filter).unwrap()).unwrap();
        b.exec("def f(): return 1\nn.keep(f)").unwrap();
        assert_eq!(b.eval("n.give() is f").unwrap(), Value::Bool(unwrapped));
        assert_eq!(b.eval("n.give()()").unwrap(), Value::from(1));
    }
}

/// What the owner reaches *through* an object a holder passed in via a
/// narrowed capability (an attribute of it, what it returns, its iterator's
/// items) is inbound the same way: handing `self` to any of them gives the
/// holder only the narrowed capability (a review reached the owner's public
/// capability through `v.helper.visit(self)`).
#[test]
fn what_the_owner_reaches_through_an_inbound_object_is_narrowed_too() {
    let a = sandbox();
    a.exec(
        "class Door:\n    \
         def knock(self, v): return v.helper.visit(self)\n    \
         def knock2(self, f): return f().visit(self)\n    \
         def feed(self, items): return [i.visit(self) for i in items]\n    \
         def __getitem__(self, k): return k.helper.visit(self)\n    \
         def secret(self): return 'secret'\ndoor = Door()",
    )
    .unwrap();
    let narrow = a
        .export("door", Filter::only(["knock", "knock2", "feed", "__getitem__"]))
        .unwrap();
    let b = sandbox();
    b.grant("door", &narrow).unwrap();
    b.exec(
        "got = []\nclass H:\n    def visit(self, d): got.append(d)\n\
         class V: pass\nv = V()\nv.helper = H()\n\
         door.knock(v)\ndoor.knock2(lambda: H())\ndoor[v]\n\
         door.feed(H() for _ in range(2))\ndoor.feed([H()])",
    )
    .unwrap();
    assert_eq!(b.eval("len(got)").unwrap(), Value::from(6));
    assert_eq!(b.eval("all(g is door for g in got)").unwrap(), Value::Bool(true));
    for i in 0..6 {
        assert!(refused(&b, &format!("got[{i}].secret()")), "got[{i}]");
    }
}

/// The owner of a narrowed capability, given an object of some *other* party
/// through it (a third sandbox's function, the host's object, or the owner's
/// own object that the holder got publicly), reaches that object through the
/// same filter: handing `self` to it, or storing `self` in it where the holder
/// can read it back, gives the holder only the narrowed capability (a review
/// reached the owner's public capability through a third sandbox's relay and
/// through a public sink of the owner's own).
#[test]
fn objects_of_any_owner_handed_in_through_a_narrowed_capability_are_narrowed() {
    struct HostSink(std::sync::Mutex<Vec<CapHandle>>);
    impl pyocap::UserObject for HostSink {
        fn type_name(&self) -> &str {
            "HostSink"
        }
        fn register(m: &mut pyocap::Methods<Self>) {
            m.add_method("put", |s, (c,): (CapHandle,)| {
                s.0.lock().unwrap().push(c);
                Ok(())
            });
            m.add_method("get", |s, (i,): (i64,)| {
                Ok(s.0.lock().unwrap()[i as usize].clone())
            });
        }
    }
    let a = sandbox();
    a.exec(
        "class Sink:\n    def __init__(self): self.items = []\n    \
         def put(self, x): self.items.append(x)\n    \
         def get(self, i): return self.items[i]\n\
         class Door:\n    def knock(self, v): return v(self)\n    \
         def store(self, s): s.put(self)\n    \
         def mine(self, s): return s is sink\n    \
         def secret(self): return 'secret'\ndoor = Door()\nsink = Sink()",
    )
    .unwrap();
    let c = sandbox();
    c.exec("got = []\ndef relay(x): got.append(x)\ndef fetch(): return got[-1]").unwrap();
    let b = sandbox();
    b.grant("door", &a.export("door", Filter::only(["knock", "store", "mine"])).unwrap())
        .unwrap();
    b.grant("sink", &a.export("sink", Filter::public()).unwrap()).unwrap();
    b.grant("relay", &cap(c.eval("relay").unwrap())).unwrap();
    b.grant("fetch", &cap(c.eval("fetch").unwrap())).unwrap();
    b.grant("hsink", &runtime().wrap(HostSink(Default::default()))).unwrap();
    b.exec("door.knock(relay)\ndoor.store(sink)\ndoor.store(hsink)").unwrap();
    for reached in ["fetch()", "sink.get(0)", "hsink.get(0)"] {
        assert_eq!(b.eval(&format!("{reached} is door")).unwrap(), Value::Bool(true), "{reached}");
        assert!(refused(&b, &format!("{reached}.secret()")), "{reached}");
    }
    // The owner's own object handed back through the narrowed capability stays
    // a proxy there (it does not unwrap to `sink`), and the owner's store went
    // through it: the sink holds the narrowed capability.
    assert_eq!(b.eval("door.mine(sink)").unwrap(), Value::Bool(false));
    assert_eq!(a.eval("sink.items[0] is door").unwrap(), Value::Bool(false));
    // Through a public capability nothing changes: the owner gets its object.
    let whole = sandbox();
    whole.grant("door", &a.export("door", Filter::public()).unwrap()).unwrap();
    whole.grant("sink", &a.export("sink", Filter::public()).unwrap()).unwrap();
    assert_eq!(whole.eval("door.mine(sink)").unwrap(), Value::Bool(true));
}

/// A capability the holder's object keeps as an attribute is read by the owner
/// as that capability (it was a lazy method, so `o.sink.put(x)` failed), and
/// what the owner stores through it is narrowed like anything reached through
/// an inbound object.
#[test]
fn a_capability_held_as_an_attribute_is_reached_as_itself_and_narrowed() {
    let a = sandbox();
    a.exec(
        "class Sink:\n    def __init__(self): self.items = []\n    \
         def put(self, x): self.items.append(x)\n    \
         def get(self, i): return self.items[i]\n\
         class Door:\n    def store_in(self, o): o.sink.put(self); return o.sink is sink\n    \
         def secret(self): return 'secret'\ndoor = Door()\nsink = Sink()",
    )
    .unwrap();
    let b = sandbox();
    b.grant("door", &a.export("door", Filter::only(["store_in"])).unwrap()).unwrap();
    b.grant("sink", &a.export("sink", Filter::public()).unwrap()).unwrap();
    b.exec("class O: pass\no = O()\no.sink = sink").unwrap();
    assert_eq!(b.eval("door.store_in(o)").unwrap(), Value::Bool(false));
    assert_eq!(b.eval("sink.get(0) is door").unwrap(), Value::Bool(true));
    assert!(refused(&b, "sink.get(0).secret()"));
}
