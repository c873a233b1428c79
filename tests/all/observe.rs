//! Observing the system: the audit log (`tracing` events of target
//! `pyocap::audit`) and the capability graph (`Runtime::capability_graph`).

use crate::util::*;
use pyocap::{CapError, Filter, Methods, Party, UserObject, Value};
use std::sync::{Mutex, OnceLock};

/// Every audit event of the test process, as (field, value) lists. Tests run
/// in parallel, so each looks only at events naming its own labels.
fn events() -> &'static Mutex<Vec<Vec<(String, String)>>> {
    static EVENTS: OnceLock<Mutex<Vec<Vec<(String, String)>>>> = OnceLock::new();
    EVENTS.get_or_init(|| {
        struct Collect;
        struct Fields(Vec<(String, String)>);
        impl tracing::field::Visit for Fields {
            fn record_debug(&mut self, f: &tracing::field::Field, v: &dyn std::fmt::Debug) {
                self.0.push((f.name().to_owned(), format!("{v:?}").trim_matches('"').to_owned()));
            }
            fn record_str(&mut self, f: &tracing::field::Field, v: &str) {
                self.0.push((f.name().to_owned(), v.to_owned()));
            }
        }
        impl tracing::Subscriber for Collect {
            fn enabled(&self, m: &tracing::Metadata<'_>) -> bool {
                m.target() == pyocap::AUDIT_TARGET
            }
            fn new_span(&self, _: &tracing::span::Attributes<'_>) -> tracing::span::Id {
                tracing::span::Id::from_u64(1)
            }
            fn record(&self, _: &tracing::span::Id, _: &tracing::span::Record<'_>) {}
            fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}
            fn event(&self, e: &tracing::Event<'_>) {
                let mut f = Fields(Vec::new());
                e.record(&mut f);
                // Only this file's labels: other tests make many calls.
                if f.0.iter().any(|(k, v)| k == "capability" && v.starts_with("AuditedVault")) {
                    events().lock().unwrap().push(f.0);
                }
            }
            fn enter(&self, _: &tracing::span::Id) {}
            fn exit(&self, _: &tracing::span::Id) {}
        }
        tracing::subscriber::set_global_default(Collect).expect("one subscriber");
        Mutex::new(Vec::new())
    })
}

fn logged(label: &str) -> Vec<String> {
    events()
        .lock()
        .unwrap()
        .iter()
        .filter(|e| e.iter().any(|(k, v)| k == "capability" && v == label))
        .map(|e| {
            let get = |k: &str| {
                e.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()).unwrap_or_default()
            };
            format!("{} {} {} {}", get("event"), get("party"), get("member"), get("outcome"))
                .trim_end()
                .to_owned()
        })
        .collect()
}

struct AuditedVault;

impl UserObject for AuditedVault {
    fn type_name(&self) -> &str {
        "AuditedVault"
    }
    fn register(m: &mut Methods<Self>) {
        m.add_method("open", |_, ()| Ok(1));
        m.add_method("fail", |_, ()| -> Result<(), CapError> { Err(CapError::failed("no")) });
        m.add_method("secret", |_, ()| Ok(2));
    }
}

struct AuditedVaultLong;

impl UserObject for AuditedVaultLong {
    fn type_name(&self) -> &str {
        "AuditedVaultLong"
    }
    fn register(m: &mut Methods<Self>) {
        m.add_method("open", |_, ()| Ok(1));
    }
}

#[test]
fn every_use_grant_and_revocation_is_an_audit_event() {
    events();
    let sb = sandbox();
    let id = sb.id();
    let vault = runtime().wrap(AuditedVault);
    let narrow = vault.attenuate(&Filter::only(["open", "fail"])).unwrap();
    sb.grant("v", &narrow).unwrap();
    sb.exec("v.open()").unwrap();
    assert_eq!(raises(&sb, "v.fail()"), "HostError");
    assert_eq!(raises(&sb, "v.secret"), "AttributeError");
    vault.call_method("secret", vec![]).unwrap();
    narrow.revoke();
    let log = logged("AuditedVault");
    let s = format!("sandbox {id}");
    assert_eq!(
        log,
        vec![
            format!("grant {s}"),
            format!("get {s} open ok"),
            format!("call {s} open ok"),
            format!("get {s} fail ok"),
            format!("call {s} fail error: no"),
            format!("refused {s} secret error: 'secret' is not available on this capability"),
            "call host secret ok".to_owned(),
            "revoke host".to_owned(),
        ],
        "{log:#?}"
    );
}

#[test]
fn the_capability_graph_shows_who_holds_what() {
    let owner = sandbox();
    let holder = sandbox();
    let vault = runtime().wrap(AuditedVault);
    let narrow = vault.attenuate(&Filter::only(["open"])).unwrap();
    holder.grant("v", &narrow).unwrap();
    owner.exec("class GraphProbe:\n    def hi(self): return 1\nprobe = GraphProbe()").unwrap();
    let probe = owner.export("probe", Filter::only(["hi"])).unwrap();
    holder.grant("p", &probe).unwrap();
    let graph = runtime().capability_graph();
    let mine: Vec<_> = graph
        .capabilities
        .iter()
        .filter(|c| {
            (c.label == "AuditedVault" || c.label == "GraphProbe")
                && [Party::Host, Party::Sandbox(owner.id()), Party::Sandbox(holder.id())]
                    .contains(&c.holder)
                && (c.holder != Party::Host || c.owner == Party::Sandbox(owner.id()) || c.filter.to_string() == "only(open)" || c.parent.is_none())
        })
        .collect();
    let held_by_holder: Vec<String> = mine
        .iter()
        .filter(|c| c.holder == Party::Sandbox(holder.id()) && !c.revoked)
        .map(|c| format!("{} {} owner={}", c.label, c.filter, c.owner))
        .collect();
    assert_eq!(
        {
            let mut v = held_by_holder.clone();
            v.sort();
            v
        },
        vec![
            format!("AuditedVault only(open) owner=host"),
            format!("GraphProbe only(hi) owner=sandbox {}", owner.id()),
        ]
    );
    // The holder's grant was derived from the host's attenuation.
    let granted = mine
        .iter()
        .find(|c| c.label == "AuditedVault" && c.holder == Party::Sandbox(holder.id()))
        .unwrap();
    let parent = graph
        .capabilities
        .iter()
        .find(|c| Some(&c.id) == granted.parent.as_ref())
        .unwrap();
    assert_eq!((parent.holder, parent.filter.to_string()), (Party::Host, "only(open)".into()));
    // Revoked capabilities stay in the picture, marked.
    narrow.revoke();
    let graph = runtime().capability_graph();
    assert!(graph
        .capabilities
        .iter()
        .any(|c| c.id == granted.id && c.revoked));
    let dot = graph.to_dot();
    assert!(dot.starts_with("digraph capabilities {"), "{dot}");
    assert!(dot.contains(&format!("\"sandbox {}\" -> \"{}\"", holder.id(), granted.id)));
    assert!(dot.contains("style=dashed"));
    assert_eq!(holder.eval("p.hi()").unwrap(), Value::from(1));
}

/// Every string an audit event carries is bounded: a guest chooses member
/// names of any length, and one `getattr(cap, 'x' * 4 MiB)` in a loop wrote
/// gigabytes to the log (a review).
#[test]
fn audit_events_carry_bounded_strings() {
    events();
    let sb = sandbox();
    // Its own type: `logged("AuditedVault")` above must not see these events.
    sb.grant("w", &runtime().wrap(AuditedVaultLong).attenuate(&Filter::only(["open"])).unwrap())
        .unwrap();
    let name = "y".repeat(100_000);
    assert_eq!(raises(&sb, &format!("getattr(w, '{name}')")), "AttributeError");
    let events = events().lock().unwrap();
    let refused: Vec<_> = events
        .iter()
        .filter(|e| e.iter().any(|(k, v)| k == "member" && v.starts_with("yyyy")))
        .collect();
    assert!(!refused.is_empty());
    for e in refused {
        for (k, v) in e {
            assert!(v.len() <= pyocap::AUDIT_MAX_FIELD_BYTES + 4, "{k}: {} bytes", v.len());
        }
    }
}

/// A guest chooses its class names, which label its capabilities: in the DOT
/// text, control and invisible format characters (a bidirectional override
/// that reorders what a reader sees, a zero-width space) are replaced.
#[test]
fn graph_labels_cannot_hide_or_reorder_text() {
    let owner = sandbox();
    owner
        .exec("Evil = type('Lbl\\u202eX\\u2066Y\\u200bZ\\x07W', (), {})\nevil = Evil()")
        .unwrap();
    let _cap = owner.export("evil", Filter::public()).unwrap();
    let dot = runtime().capability_graph().to_dot();
    assert!(dot.contains("Lbl?X?Y?Z?W"), "{dot}");
    for c in ['\u{202e}', '\u{2066}', '\u{200b}', '\u{7}'] {
        assert!(!dot.contains(c), "{c:?} in the DOT text");
    }
}
