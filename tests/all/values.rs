//! Data crossing the membrane: exact types only, copied, bounded, round-trips exactly.

use crate::util::*;
use proptest::prelude::*;
use pyocap::{BigInt, CrossingError, DataLimits, GuestError, Policy, Value};

#[test]
fn every_data_type_crosses_out() {
    let v = eval(
        "(None, True, -5, 2**100, 1.5, 2-3j, 'é', b'\\x00', [1], {'k': (1,)}, {1, 2}, frozenset())",
    );
    let Value::Tuple(items) = v else { panic!() };
    assert_eq!(items[0], Value::None);
    assert_eq!(items[1], Value::Bool(true));
    assert_eq!(items[2], Value::from(-5));
    assert_eq!(items[3], Value::Int(BigInt::from(1u8) << 100u32));
    assert_eq!(items[4], Value::Float(1.5));
    assert_eq!(items[5], Value::Complex { re: 2.0, im: -3.0 });
    assert_eq!(items[6], Value::from("é"));
    assert_eq!(items[7], Value::Bytes(vec![0]));
    assert_eq!(items[8], Value::List(vec![Value::from(1)]));
    assert_eq!(
        items[9],
        Value::Dict(vec![(Value::from("k"), Value::Tuple(vec![Value::from(1)]))])
    );
    assert_eq!(items[10], Value::Set(vec![Value::from(1), Value::from(2)]));
    assert_eq!(items[11], Value::FrozenSet(vec![]));
}

/// The label of the capability `expr` crosses as (it is not data).
fn cap_label(v: &Value) -> String {
    match v {
        Value::Cap(c) => {
            assert!(c.is_guest_object(), "{v:?}");
            c.label()
        }
        other => panic!("expected a capability, got {other:?}"),
    }
}

#[test]
fn non_data_crosses_as_an_opaque_capability() {
    let sb = sandbox();
    for (expr, ty) in [
        ("len", "builtin_function_or_method"),
        ("lambda: 1", "function"),
        ("object()", "object"),
        ("bytearray(b'x')", "bytearray"),
    ] {
        assert_eq!(cap_label(&sb.eval(expr).unwrap()), ty, "{expr}");
    }
    // Inside containers too, and data around it is still copied.
    match sb.eval("[1, object()]").unwrap() {
        Value::List(items) => {
            assert_eq!(items[0], Value::from(1));
            assert_eq!(cap_label(&items[1]), "object");
        }
        other => panic!("{other:?}"),
    }
    match sb.eval("{'k': iter([])}").unwrap() {
        Value::Dict(pairs) => assert_eq!(cap_label(&pairs[0].1), "list_iterator"),
        other => panic!("{other:?}"),
    }
    // Subclasses of data types are not data: their methods are guest code. They
    // cross as capabilities, and no method of theirs runs on the way.
    sb.exec("class I(int):\n    def __eq__(self, o):\n        raise SystemExit\n    __hash__ = int.__hash__\nclass D(dict): pass\nclass S(str): pass").unwrap();
    assert_eq!(cap_label(&sb.eval("I(3)").unwrap()), "I");
    assert_eq!(cap_label(&sb.eval("D()").unwrap()), "D");
    match sb.eval("[S('x')]").unwrap() {
        Value::List(items) => assert_eq!(cap_label(&items[0]), "S"),
        other => panic!("{other:?}"),
    }
    match sb.eval("{I(1): 2}").unwrap() {
        Value::Dict(pairs) => assert_eq!(cap_label(&pairs[0].0), "I"),
        other => panic!("{other:?}"),
    }
    // The same object crosses as the same capability (identity preservation).
    sb.exec("o = object()").unwrap();
    assert_eq!(sb.eval("o").unwrap(), sb.eval("o").unwrap());
    assert_ne!(sb.eval("o").unwrap(), sb.eval("object()").unwrap());
}

#[test]
fn crossing_out_is_bounded() {
    let mut policy = Policy::new();
    policy.data_limits(DataLimits {
        max_depth: 10,
        max_items: 1000,
        max_bytes: 1 << 16,
    });
    let sb = sandbox_with(&policy);
    sb.exec("deep = []\nfor _ in range(50):\n    deep = [deep]")
        .unwrap();
    assert_eq!(
        sb.eval("deep"),
        Err(GuestError::Crossing(CrossingError::TooDeep { limit: 10 }))
    );
    assert_eq!(
        sb.eval("list(range(5000))"),
        Err(GuestError::Crossing(CrossingError::TooManyItems {
            limit: 1000
        }))
    );
    assert_eq!(
        sb.eval("'x' * 100000"),
        Err(GuestError::Crossing(CrossingError::TooLarge {
            limit: 1 << 16
        }))
    );
    assert_eq!(
        sb.eval("10 ** 200000"),
        Err(GuestError::Crossing(CrossingError::TooLarge {
            limit: 1 << 16
        }))
    );
    // A self-referencing list is bounded by depth, not followed forever.
    sb.exec("loop = []\nloop.append(loop)").unwrap();
    assert_eq!(
        sb.eval("loop"),
        Err(GuestError::Crossing(CrossingError::TooDeep { limit: 10 }))
    );
    // The sandbox is fine afterwards.
    assert_eq!(sb.eval("len(deep)").unwrap(), Value::from(1));
}

#[test]
fn crossing_in_is_bounded_before_the_guest_sees_it() {
    let mut policy = Policy::new();
    policy.data_limits(DataLimits {
        max_depth: 5,
        max_items: 100,
        max_bytes: 100,
    });
    let sb = sandbox_with(&policy);
    sb.exec("def ident(x):\n    return x").unwrap();
    let mut deep = Value::None;
    for _ in 0..10 {
        deep = Value::List(vec![deep]);
    }
    assert!(matches!(
        sb.call("ident", &[deep]),
        Err(GuestError::Crossing(CrossingError::TooDeep { .. }))
    ));
    assert!(matches!(
        sb.set_global("s", Value::from("x".repeat(1000))),
        Err(GuestError::Crossing(CrossingError::TooLarge { .. }))
    ));
    let unhashable = Value::Dict(vec![(Value::List(vec![]), Value::None)]);
    assert!(matches!(
        sb.call("ident", &[unhashable]),
        Err(GuestError::Crossing(CrossingError::Unhashable { .. }))
    ));
}

#[test]
fn special_floats_cross() {
    let Value::Tuple(v) = eval("(float('nan'), float('inf'), -0.0)") else {
        panic!()
    };
    assert!(matches!(v[0], Value::Float(f) if f.is_nan()));
    assert_eq!(v[1], Value::Float(f64::INFINITY));
    assert!(matches!(v[2], Value::Float(f) if f == 0.0 && f.is_sign_negative()));
}

#[test]
fn lone_surrogates_are_replaced() {
    assert_eq!(eval("'a\\ud800b'"), Value::from("a\u{fffd}b"));
}

fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::None),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (any::<i64>(), 0u32..200).prop_map(|(i, s)| Value::Int(BigInt::from(i) << s)),
        any::<f64>()
            .prop_filter("NaN never equals itself", |f| !f.is_nan())
            .prop_map(Value::Float),
        (-1e9f64..1e9, -1e9f64..1e9).prop_map(|(re, im)| Value::Complex { re, im }),
        ".{0,12}".prop_map(Value::Str),
        proptest::collection::vec(any::<u8>(), 0..16).prop_map(Value::Bytes),
    ]
}

fn data_tree() -> impl Strategy<Value = Value> {
    scalar().prop_recursive(5, 200, 8, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Tuple),
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::List),
            // Keys of one kind, deduplicated: Python merges equal keys (1 == 1.0 == True).
            proptest::collection::btree_map("[a-z]{0,6}", inner, 0..6).prop_map(|m| Value::Dict(
                m.into_iter().map(|(k, v)| (Value::Str(k), v)).collect()
            )),
            proptest::collection::btree_set(any::<i32>(), 0..6)
                .prop_map(|s| Value::FrozenSet(s.into_iter().map(Value::from).collect())),
        ]
    })
}

/// Sets come back in the guest's iteration order: compare them as sorted.
fn canonical(v: &Value) -> Value {
    match v {
        Value::Tuple(x) => Value::Tuple(x.iter().map(canonical).collect()),
        Value::List(x) => Value::List(x.iter().map(canonical).collect()),
        Value::Dict(p) => Value::Dict(
            p.iter()
                .map(|(k, v)| (canonical(k), canonical(v)))
                .collect(),
        ),
        Value::FrozenSet(x) | Value::Set(x) => {
            let mut items: Vec<i64> = x.iter().map(|i| i.as_i64().unwrap()).collect();
            items.sort();
            let items = items.into_iter().map(Value::from).collect();
            if matches!(v, Value::Set(_)) {
                Value::Set(items)
            } else {
                Value::FrozenSet(items)
            }
        }
        other => other.clone(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn values_round_trip_exactly(v in data_tree()) {
        thread_local! {
            static SB: pyocap::Sandbox = {
                let sb = sandbox();
                sb.exec("def ident(x):\n    return x").unwrap();
                sb
            };
        }
        let back = SB.with(|sb| sb.call("ident", std::slice::from_ref(&v))).unwrap();
        prop_assert_eq!(canonical(&back), canonical(&v));
        // And the guest sees the types the host sent.
        let ty = SB.with(|sb| sb.call("ident", std::slice::from_ref(&v)).map(|b| b.type_name())).unwrap();
        prop_assert_eq!(ty, v.type_name());
    }
}
