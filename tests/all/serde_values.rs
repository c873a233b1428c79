//! Host types in and out of guests with serde (`pyocap::to_value`,
//! `from_value`), and the `From` conversions for collections.

use crate::util::*;
use pyocap::{from_value, to_value, Value};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

#[derive(Serialize, Deserialize, Debug, PartialEq, Clone)]
enum Side {
    Buy,
    Sell,
}

#[derive(Serialize, Deserialize, Debug, PartialEq, Clone)]
enum Event {
    Tick,
    Trade(u32),
    Move(i64, i64),
    Order { side: Side, qty: u64 },
}

#[derive(Serialize, Deserialize, Debug, PartialEq, Clone)]
struct Config {
    name: String,
    rate: f64,
    limit: Option<u32>,
    tags: Vec<String>,
    weights: BTreeMap<u8, i32>,
    pair: (bool, char),
    big: u128,
    events: Vec<Event>,
    #[serde(with = "serde_bytes_compat")]
    blob: Vec<u8>,
}

/// `Vec<u8>` as `bytes` (what `serde_bytes` does), written out here.
mod serde_bytes_compat {
    pub fn serialize<S: serde::Serializer>(v: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(v)
    }
    pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Vec<u8>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("bytes")
            }
            fn visit_byte_buf<E>(self, v: Vec<u8>) -> Result<Vec<u8>, E> {
                Ok(v)
            }
        }
        d.deserialize_byte_buf(V)
    }
}

fn config() -> Config {
    Config {
        name: "desk".into(),
        rate: 0.5,
        limit: None,
        tags: vec!["a".into(), "b".into()],
        weights: [(1, -2), (3, 4)].into_iter().collect(),
        pair: (true, 'x'),
        big: u128::MAX,
        events: vec![
            Event::Tick,
            Event::Trade(7),
            Event::Move(-1, 2),
            Event::Order { side: Side::Sell, qty: 3 },
        ],
        blob: vec![0, 255],
    }
}

#[test]
fn a_host_struct_is_plain_python_data_in_the_guest() {
    let value = to_value(&config()).unwrap();
    assert_eq!(
        value.to_string(),
        "{'name': 'desk', 'rate': 0.5, 'limit': None, 'tags': ['a', 'b'], \
         'weights': {1: -2, 3: 4}, 'pair': (True, 'x'), \
         'big': 340282366920938463463374607431768211455, \
         'events': ['Tick', {'Trade': 7}, {'Move': (-1, 2)}, {'Order': {'side': 'Sell', 'qty': 3}}], \
         'blob': b'\\x00\\xff'}"
    );
    let sb = sandbox();
    sb.set_global("cfg", value).unwrap();
    assert_eq!(
        sb.eval("(cfg['weights'][3], cfg['events'][3]['Order']['qty'], cfg['big'] + 1 == 2 ** 128, cfg['blob'][1])")
            .unwrap()
            .to_string(),
        "(4, 3, True, 255)"
    );
}

/// What the guest returns comes back as the host's type.
#[test]
fn what_a_guest_returns_reads_back_as_the_host_type() {
    let sb = sandbox();
    sb.set_global("cfg", to_value(&config()).unwrap()).unwrap();
    let back: Config = from_value(sb.eval("cfg").unwrap()).unwrap();
    assert_eq!(back, config());
    // Written by the guest, in its own way: sets and tuples as sequences.
    let made = sb
        .eval(
            "{'name': 'g', 'rate': 1.0, 'limit': 5, 'tags': ('t',), 'weights': {2: 3}, \
             'pair': [False, 'y'], 'big': 10, 'events': ['Tick', {'Order': {'side': 'Buy', 'qty': 1}}], \
             'blob': b'ok'}",
        )
        .unwrap();
    let cfg: Config = from_value(made).unwrap();
    assert_eq!(cfg.limit, Some(5));
    assert_eq!(cfg.events[1], Event::Order { side: Side::Buy, qty: 1 });
    assert_eq!(cfg.blob, b"ok");
    let set: Vec<i64> = from_value(sb.eval("sorted({3, 1, 2})").unwrap()).unwrap();
    assert_eq!(set, vec![1, 2, 3]);
    let complex: (f64, f64) = from_value(sb.eval("1 + 2j").unwrap()).unwrap();
    assert_eq!(complex, (1.0, 2.0));
}

#[test]
fn wrong_shapes_are_errors_that_say_what_was_expected() {
    let sb = sandbox();
    let err = from_value::<Config>(sb.eval("{'name': 1}").unwrap()).unwrap_err();
    assert!(err.to_string().contains("expected a string"), "{err}");
    let err = from_value::<u8>(Value::from(300)).unwrap_err();
    assert!(err.to_string().contains("300"), "{err}");
    let err = from_value::<u64>(sb.eval("2 ** 200").unwrap()).unwrap_err();
    assert!(err.to_string().contains("128 bits"), "{err}");
    let err = from_value::<Event>(Value::from(3)).unwrap_err();
    assert!(err.to_string().contains("enum"), "{err}");
    let err = from_value::<Vec<i64>>(Value::List(vec![1.into(), "x".into()])).unwrap_err();
    assert!(err.to_string().contains("expected i64"), "{err}");
    // A capability is not data.
    sb.exec("def f(): pass").unwrap();
    let err = from_value::<String>(sb.eval("f").unwrap()).unwrap_err();
    assert!(err.to_string().contains("capability"), "{err}");
}

#[test]
fn collections_convert_with_from() {
    let mut h = HashMap::new();
    h.insert("k", 1);
    assert_eq!(Value::from(h).to_string(), "{'k': 1}");
    let b: BTreeMap<i64, &str> = [(2, "b"), (1, "a")].into_iter().collect();
    assert_eq!(Value::from(b).to_string(), "{1: 'a', 2: 'b'}");
    assert_eq!(Value::from(vec![Value::from(1), Value::None]).to_string(), "[1, None]");
    assert_eq!([1, 2, 3].into_iter().collect::<Value>().to_string(), "[1, 2, 3]");
    assert_eq!(Value::from(Some("x")).to_string(), "'x'");
    // Debug of a call's result names the value once.
    let arg = pyocap::Arg::from(30);
    assert_eq!(format!("{:?}", Ok::<_, ()>(arg)), "Ok(Value(30))");
}
