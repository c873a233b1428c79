//! Capabilities: host objects reached only through opaque, filtered, revocable proxies.

use crate::util::*;
use proptest::prelude::*;
use pyocap::{Arg, CapError, CapHandle, Filter, GuestError, Methods, Runtime, UserObject, Value};
use std::sync::Mutex;

/// A purse holding money of one currency, with a secret the guest must never see.
pub struct Purse {
    balance: Mutex<i64>,
    secret: String,
}

impl UserObject for Purse {
    fn type_name(&self) -> &str {
        "Purse"
    }
    fn register(m: &mut Methods<Self>) {
        m.add_method("balance", |this, ()| Ok(*this.balance.lock().unwrap()));
        m.add_method("deposit", |this, (amount, src): (i64, CapHandle)| {
            let src = src.downcast::<Purse>()?;
            if std::ptr::eq(this, &*src) {
                return Err(CapError::failed("cannot deposit a purse into itself"));
            }
            let mut from = src.balance.lock().unwrap();
            if amount < 0 || *from < amount {
                return Err(CapError::failed("insufficient funds"));
            }
            *from -= amount;
            *this.balance.lock().unwrap() += amount;
            Ok(())
        });
        m.add_field("currency", |_| "USD");
        m.add_field("_secret", |this| this.secret.clone());
    }
}

pub(crate) fn purse(rt: &Runtime, balance: i64) -> CapHandle {
    rt.wrap(Purse {
        balance: Mutex::new(balance),
        secret: "s3cr3t-token".into(),
    })
}

#[test]
fn guest_uses_methods_and_fields_within_the_filter() {
    let sb = sandbox();
    let a = purse(runtime(), 100);
    let b = purse(runtime(), 5);
    sb.grant("a", &a).unwrap();
    sb.grant("b", &b).unwrap();
    sb.exec("b.deposit(30, a)").unwrap();
    assert_eq!(
        sb.eval("(a.balance(), b.balance(), a.currency)")
            .unwrap()
            .to_string(),
        "(70, 35, 'USD')"
    );
    assert_eq!(
        a.downcast::<Purse>()
            .unwrap()
            .balance
            .lock()
            .unwrap()
            .clone(),
        70
    );
    // Private names never pass under the default filter, whatever the route.
    for attempt in [
        "a._secret",
        "getattr(a, '_secret')",
        "object.__getattribute__(a, '_secret')",
        "a.__dict__",
        "vars(a)",
    ] {
        let t = raises(&sb, attempt);
        assert!(
            t == "AttributeError" || t == "NameError" || t == "TypeError",
            "{attempt}: {t}"
        );
    }
    assert_eq!(
        sb.eval("dir(a)").unwrap().to_string(),
        "['balance', 'currency', 'deposit']"
    );
    assert_eq!(
        sb.eval("repr(a)").unwrap(),
        Value::from("<Purse capability>")
    );
    assert!(!sb.take_output().contains("s3cr3t"));
}

#[test]
fn explicitly_allowed_private_names_pass() {
    let sb = sandbox();
    let a = runtime().wrap_with(
        Purse {
            balance: Mutex::new(1),
            secret: "s3cr3t-token".into(),
        },
        Filter::only(["_secret"]),
    );
    // Attenuating a public capability can never add a private name.
    let narrowed = purse(runtime(), 1)
        .attenuate(&Filter::only(["_secret"]))
        .unwrap();
    sb.grant("n", &narrowed).unwrap();
    assert_eq!(raises(&sb, "n._secret"), "AttributeError");
    sb.grant("a", &a).unwrap();
    assert_eq!(sb.eval("a._secret").unwrap(), Value::from("s3cr3t-token"));
    assert_eq!(raises(&sb, "a.balance()"), "AttributeError");
}

#[test]
fn attenuation_narrows_and_writes_are_denied() {
    let sb = sandbox();
    let full = purse(runtime(), 10);
    let view = full.attenuate(&Filter::only(["balance"])).unwrap();
    sb.grant("v", &view).unwrap();
    assert_eq!(sb.eval("v.balance()").unwrap(), Value::from(10));
    assert_eq!(raises(&sb, "v.deposit(1, v)"), "AttributeError");
    assert_eq!(sb.eval("dir(v)").unwrap().to_string(), "['balance']");
    for attempt in [
        "v.balance = 5",
        "del v.balance",
        "setattr(v, 'x', 1)",
        "object.__setattr__(v, 'x', 1)",
    ] {
        let t = raises(&sb, attempt);
        assert!(t == "AttributeError" || t == "TypeError", "{attempt}: {t}");
    }
    // Attenuating an attenuation can only narrow further.
    let wider = view
        .attenuate(&Filter::only(["balance", "deposit"]))
        .unwrap();
    assert_eq!(wider.filter().unwrap(), Filter::only(["balance"]));
}

#[test]
fn identity_and_unwrapping() {
    struct Registry(CapHandle);
    impl UserObject for Registry {
        fn type_name(&self) -> &str {
            "Registry"
        }
        fn register(m: &mut Methods<Self>) {
            m.add_method("get", |this, ()| Ok(this.0.clone()));
            m.add_method("is_mine", |this, (c,): (CapHandle,)| {
                Ok(c.same_target(&this.0))
            });
        }
    }
    let sb = sandbox();
    let p = purse(runtime(), 1);
    let reg = runtime().wrap(Registry(p.clone()));
    sb.grant("reg", &reg).unwrap();
    sb.grant("p", &p).unwrap();
    sb.grant("p2", &p).unwrap();
    // The same capability crossing twice is the same proxy.
    assert_eq!(
        sb.eval("reg.get() is reg.get() and reg.get() is p and p is p2")
            .unwrap(),
        Value::Bool(true)
    );
    // A proxy crossing back is the original object again.
    assert_eq!(sb.eval("reg.is_mine(p)").unwrap(), Value::Bool(true));
    assert_eq!(sb.eval("p == p2 and p != reg").unwrap(), Value::Bool(true));
}

#[test]
fn proxies_are_opaque() {
    let sb = sandbox();
    let purse = purse(runtime(), 1);
    sb.grant("p", &purse).unwrap();
    for attempt in [
        "type(p)()",
        "type(p.balance)()",
        "type(__builtins__)()",
        "class Sub(type(p)): pass",
        "p.__reduce_ex__(2)",
        "p.__reduce__()",
        "p.balance.__reduce_ex__(2)",
        "p.__class__ = object",
        "type(p).balance = 1",
        "int(p)",
        "p.__dict__",
        "p.balance.__self__",
        "p.balance.__func__",
    ] {
        let t = raises(&sb, attempt);
        assert!(
            ["TypeError", "AttributeError"].contains(&t.as_str()),
            "{attempt}: {t}"
        );
    }
    // Back on the host's side, the proxy is the host's capability again.
    match sb.eval("p").unwrap() {
        Value::Cap(c) => assert!(c.same_target(&purse) && !c.is_guest_object()),
        other => panic!("{other:?}"),
    }
}

#[test]
fn revocation_of_one_capability_and_its_descendants() {
    let sb = sandbox();
    let p = purse(runtime(), 50);
    let narrow = p.attenuate(&Filter::only(["balance"])).unwrap();
    sb.grant("p", &p).unwrap();
    sb.grant("n", &narrow).unwrap();
    sb.exec("m = p.balance").unwrap();
    p.revoke();
    assert!(p.is_revoked() && narrow.is_revoked());
    for src in ["p.balance()", "n.balance()", "m()", "p.currency"] {
        assert_eq!(raises(&sb, src), "RevokedError", "{src}");
    }
    assert_eq!(
        sb.eval("repr(p)").unwrap(),
        Value::from("<revoked capability>")
    );
    assert!(matches!(
        sb.grant("again", &p),
        Err(GuestError::Cap(CapError::Revoked))
    ));
    assert!(matches!(p.downcast::<Purse>(), Err(CapError::Revoked)));
    // A revoked capability's key never resolves again, even once its slot is reused.
    let fresh: Vec<CapHandle> = (0..10).map(|i| purse(runtime(), i)).collect();
    assert!(p.is_revoked());
    assert!(fresh.iter().all(|c| !c.is_revoked()));
}

#[test]
fn revoking_a_membrane_revokes_everything_the_guest_got() {
    let sb = sandbox();
    let other = sandbox();
    let p = purse(runtime(), 9);
    sb.grant("p", &p).unwrap();
    other.grant("p", &p).unwrap();
    sb.revoke_all();
    assert_eq!(raises(&sb, "p.balance()"), "RevokedError");
    // The host's handle and other sandboxes are unaffected.
    assert!(!p.is_revoked());
    assert_eq!(other.eval("p.balance()").unwrap(), Value::from(9));
    // And the guest can be granted it again, afresh.
    sb.grant("q", &p).unwrap();
    assert_eq!(sb.eval("q.balance()").unwrap(), Value::from(9));
}

#[test]
fn host_errors_become_fresh_guest_exceptions() {
    let sb = sandbox();
    let a = purse(runtime(), 1);
    let b = purse(runtime(), 0);
    sb.grant("a", &a).unwrap();
    sb.grant("b", &b).unwrap();
    match sb.exec("b.deposit(100, a)") {
        Err(GuestError::Exception {
            type_name, message, ..
        }) => {
            assert_eq!(
                (type_name.as_str(), message.as_str()),
                ("HostError", "insufficient funds")
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(raises(&sb, "b.deposit('x', a)"), "TypeError");
    assert_eq!(raises(&sb, "b.deposit(1)"), "TypeError");
    assert_eq!(raises(&sb, "b.deposit(1, a, a)"), "TypeError");
    assert_eq!(raises(&sb, "b.deposit(1, src=a)"), "TypeError");
    // Guest objects cross as capabilities of their own, which a host method
    // expecting one of its objects refuses.
    assert_eq!(raises(&sb, "b.deposit(1, lambda: 0)"), "TypeError");
    assert_eq!(
        raises(&sb, "class Fake: pass\nb.deposit(1, Fake())"),
        "TypeError"
    );
    // The guest can catch them as ordinary exceptions.
    sb.exec("try:\n    b.deposit(100, a)\nexcept HostError as e:\n    msg = str(e)")
        .unwrap();
    assert_eq!(sb.eval("msg").unwrap(), Value::from("insufficient funds"));
}

#[test]
fn host_functions_are_callable_capabilities() {
    let sb = sandbox();
    let add = runtime().host_fn("add", |(a, b): (i64, i64)| Ok(a + b));
    sb.grant("add", &add).unwrap();
    assert_eq!(sb.eval("add(2, 3)").unwrap(), Value::from(5));
    assert_eq!(
        sb.eval("repr(add)").unwrap(),
        Value::from("<add capability>")
    );
    // The call slot's wrapper leads only back to the proxy itself.
    assert_eq!(
        sb.eval("add.__call__.__self__ is add").unwrap(),
        Value::Bool(true)
    );
    let p = purse(runtime(), 1);
    sb.grant("p", &p).unwrap();
    assert_eq!(raises(&sb, "p()"), "TypeError");
}

#[test]
fn capabilities_of_another_runtime_are_refused() {
    let other = Runtime::default();
    let foreign = purse(&other, 1);
    assert!(matches!(
        sandbox().grant("x", &foreign),
        Err(GuestError::Cap(CapError::WrongRuntime))
    ));
}

#[test]
fn host_can_call_methods_through_its_handle() {
    let p = purse(runtime(), 7);
    let view = p.attenuate(&Filter::only(["balance"])).unwrap();
    assert!(
        matches!(view.call_method("balance", vec![]), Ok(Arg::Value(v)) if v == Value::from(7))
    );
    assert!(matches!(
        view.call_method("deposit", vec![]),
        Err(CapError::NotPermitted { .. })
    ));
}

/// Model of the table: each handle has an optional parent; a handle is dead if it,
/// or any ancestor, was revoked.
#[derive(Debug, Clone)]
enum Op {
    New,
    Attenuate(usize),
    Revoke(usize),
}

fn ops() -> impl Strategy<Value = Vec<Op>> {
    proptest::collection::vec(
        prop_oneof![
            Just(Op::New),
            any::<usize>().prop_map(Op::Attenuate),
            any::<usize>().prop_map(Op::Revoke)
        ],
        1..60,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn cap_table_matches_its_model(ops in ops()) {
        let rt = Runtime::default();
        let mut handles: Vec<CapHandle> = Vec::new();
        let mut parent: Vec<Option<usize>> = Vec::new();
        let mut revoked: Vec<bool> = Vec::new();
        let dead = |i: usize, parent: &Vec<Option<usize>>, revoked: &Vec<bool>| {
            let mut cur = Some(i);
            while let Some(c) = cur {
                if revoked[c] { return true; }
                cur = parent[c];
            }
            false
        };
        for op in ops {
            match op {
                Op::New => {
                    handles.push(purse(&rt, 1));
                    parent.push(None);
                    revoked.push(false);
                }
                Op::Attenuate(i) if !handles.is_empty() => {
                    let i = i % handles.len();
                    match handles[i].attenuate(&Filter::only(["balance"])) {
                        Ok(h) => {
                            prop_assert!(!dead(i, &parent, &revoked));
                            handles.push(h);
                            parent.push(Some(i));
                            revoked.push(false);
                        }
                        Err(e) => {
                            prop_assert_eq!(e, CapError::Revoked);
                            prop_assert!(dead(i, &parent, &revoked));
                        }
                    }
                }
                Op::Revoke(i) if !handles.is_empty() => {
                    let i = i % handles.len();
                    handles[i].revoke();
                    revoked[i] = true;
                }
                _ => {}
            }
            for (i, h) in handles.iter().enumerate() {
                prop_assert_eq!(h.is_revoked(), dead(i, &parent, &revoked), "handle {}", i);
                prop_assert_eq!(h.downcast::<Purse>().is_ok(), !dead(i, &parent, &revoked));
            }
        }
    }
}

#[test]
fn a_host_function_calling_back_into_its_own_sandbox_fails_cleanly() {
    use std::sync::{Arc, OnceLock};
    let cell: Arc<OnceLock<pyocap::Sandbox>> = Arc::new(OnceLock::new());
    let inner = cell.clone();
    let reenter = runtime().host_fn("reenter", move |()| {
        let sb = inner.get().ok_or_else(|| CapError::failed("not ready"))?;
        match sb.eval("1") {
            Err(GuestError::Reentrant) => Ok("refused"),
            other => Err(CapError::failed(format!("{other:?}"))),
        }
    });
    let sb = cell.get_or_init(sandbox);
    sb.grant("reenter", &reenter).unwrap();
    assert_eq!(sb.eval("reenter()").unwrap(), Value::from("refused"));
}

#[test]
fn sealed_mapping_views() {
    let sb = sandbox();
    let cfg = Value::Dict(vec![
        (Value::from("rate"), Value::from(3)),
        (Value::from("names"), Value::List(vec![Value::from("a")])),
    ]);
    sb.grant_mapping("cfg", cfg).unwrap();
    assert_eq!(
        sb.eval("(cfg['rate'], 'rate' in cfg, len(cfg), sorted(cfg), cfg.get('x', 7), list(cfg.items())[0])")
            .unwrap()
            .to_string(),
        "(3, True, 2, ['names', 'rate'], 7, ('rate', 3))"
    );
    for attempt in [
        "cfg['rate'] = 4",
        "del cfg['rate']",
        "cfg.update({})",
        "cfg.pop('rate')",
        "dict.__setitem__(cfg, 'rate', 4)",
        "cfg.__dict__",
        "type(cfg)({})",
        "cfg |= {}",
    ] {
        let _ = sb.exec(attempt);
        assert_eq!(sb.eval("cfg['rate']").unwrap(), Value::from(3), "{attempt}");
    }
    // Comparisons never hand the dict behind the view to guest code.
    sb.exec("seen = []\nclass Spy:\n    def __eq__(self, o):\n        seen.append(type(o).__name__)\n        return False\n    __hash__ = None\ncfg == Spy()\nSpy() == cfg").unwrap();
    assert_eq!(sb.eval("'dict' in seen").unwrap(), Value::Bool(false));
    // Values inside are copies: mutating them changes only the guest's copy.
    sb.exec("cfg['names'].append('b')").unwrap();
    assert!(matches!(
        sb.grant_mapping("x", Value::from(1)),
        Err(GuestError::Crossing(_))
    ));
}
