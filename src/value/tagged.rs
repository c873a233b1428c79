//! The lossless JSON form of a [`Value`] (SPEC §3.1): plain JSON where JSON
//! holds the value exactly, a one-key object whose key starts with `$`
//! where it does not.

use super::Value;
use num_bigint::BigInt;
use serde_json::{Map, Value as J};

/// Integers JSON readers hold exactly (IEEE doubles): ±(2^53 − 1).
const SAFE_INT: i64 = (1 << 53) - 1;

/// Why a JSON document is not the tagged form of a value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a tagged value: {0}")]
pub struct TaggedJsonError(String);

fn err<T>(why: impl Into<String>) -> Result<T, TaggedJsonError> {
    Err(TaggedJsonError(why.into()))
}

fn tag(name: &str, inner: J) -> J {
    let mut m = Map::new();
    m.insert(name.to_owned(), inner);
    J::Object(m)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Result<Vec<u8>, TaggedJsonError> {
    if text.len() % 2 != 0 || !text.bytes().all(|b| b.is_ascii_hexdigit()) {
        return err("`$bytes` holds an even number of hex digits");
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).or_else(|_| err("bad hex")))
        .collect()
}

fn float(f: f64) -> J {
    if f.is_finite() {
        serde_json::Number::from_f64(f).map_or(J::Null, J::Number)
    } else {
        let text = if f.is_nan() {
            "nan"
        } else if f > 0.0 {
            "inf"
        } else {
            "-inf"
        };
        tag("$float", J::String(text.to_owned()))
    }
}

impl Value {
    /// The value as lossless JSON, which [`Value::from_tagged_json`] reads
    /// back to an equal value (capabilities excepted). JSON's own types stand
    /// for themselves: `None` is `null`, booleans, strings, lists (arrays),
    /// finite floats (always with a fraction or exponent: `1.0`), integers of
    /// at most 53 bits, and dicts whose keys are all strings, none starting
    /// with `$` (objects). Everything else is an object of one `$` key:
    ///
    /// - `{"$int": "123456789012345678901"}`: an integer beyond ±(2^53 − 1);
    /// - `{"$float": "nan"}` (`"inf"`, `"-inf"`);
    /// - `{"$complex": [re, im]}`, each part a float as above;
    /// - `{"$bytes": "00ff"}`: hex;
    /// - `{"$tuple": [...]}`, `{"$set": [...]}`, `{"$frozenset": [...]}`;
    /// - `{"$dict": [[key, value], ...]}`: any other dict;
    /// - `{"$capability": "label"}`: a capability (it does not read back).
    pub fn to_tagged_json(&self) -> J {
        match self {
            Value::None => J::Null,
            Value::Bool(b) => J::Bool(*b),
            Value::Int(i) => match i64::try_from(i) {
                Ok(n) if (-SAFE_INT..=SAFE_INT).contains(&n) => J::from(n),
                _ => tag("$int", J::String(i.to_string())),
            },
            Value::Float(f) => float(*f),
            Value::Complex { re, im } => tag("$complex", J::Array(vec![float(*re), float(*im)])),
            Value::Str(s) => J::String(s.clone()),
            Value::Bytes(b) => tag("$bytes", J::String(hex(b))),
            Value::List(v) => J::Array(v.iter().map(Value::to_tagged_json).collect()),
            Value::Tuple(v) => tag("$tuple", J::Array(v.iter().map(Value::to_tagged_json).collect())),
            Value::Set(v) => tag("$set", J::Array(v.iter().map(Value::to_tagged_json).collect())),
            Value::FrozenSet(v) => tag(
                "$frozenset",
                J::Array(v.iter().map(Value::to_tagged_json).collect()),
            ),
            Value::Cap(c) => tag("$capability", J::String(c.label().to_owned())),
            Value::Dict(pairs) => {
                let plain = pairs
                    .iter()
                    .all(|(k, _)| matches!(k, Value::Str(s) if !s.starts_with('$')));
                // Duplicate keys cannot occur in a dict of strings.
                if plain {
                    J::Object(
                        pairs
                            .iter()
                            .map(|(k, v)| (k.as_str().unwrap_or_default().to_owned(), v.to_tagged_json()))
                            .collect(),
                    )
                } else {
                    tag(
                        "$dict",
                        J::Array(
                            pairs
                                .iter()
                                .map(|(k, v)| J::Array(vec![k.to_tagged_json(), v.to_tagged_json()]))
                                .collect(),
                        ),
                    )
                }
            }
        }
    }

    /// Reads [`Value::to_tagged_json`]'s form back. A JSON number with a
    /// fraction or exponent is a float, one without an integer.
    pub fn from_tagged_json(json: &J) -> Result<Value, TaggedJsonError> {
        let list = |j: &J| -> Result<Vec<Value>, TaggedJsonError> {
            match j {
                J::Array(items) => items.iter().map(Value::from_tagged_json).collect(),
                _ => err("a tag's items are an array"),
            }
        };
        Ok(match json {
            J::Null => Value::None,
            J::Bool(b) => Value::Bool(*b),
            J::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
                (Some(i), _, _) => Value::from(i),
                (None, Some(u), _) => Value::Int(BigInt::from(u)),
                (_, _, Some(f)) => Value::Float(f),
                _ => return err("a number out of range"),
            },
            J::String(s) => Value::Str(s.clone()),
            J::Array(items) => Value::List(list(&J::Array(items.clone()))?),
            J::Object(m) => {
                let tagged = m.len() == 1 && m.keys().next().is_some_and(|k| k.starts_with('$'));
                if !tagged {
                    return Ok(Value::Dict(
                        m.iter()
                            .map(|(k, v)| Ok((Value::Str(k.clone()), Value::from_tagged_json(v)?)))
                            .collect::<Result<_, TaggedJsonError>>()?,
                    ));
                }
                let (key, inner) = m.iter().next().ok_or_else(|| TaggedJsonError("empty".into()))?;
                let text = || inner.as_str().ok_or_else(|| TaggedJsonError(format!("`{key}` holds a string")));
                match key.as_str() {
                    "$int" => Value::Int(
                        text()?
                            .parse::<BigInt>()
                            .or_else(|_| err("`$int` holds decimal digits"))?,
                    ),
                    "$float" => Value::Float(match text()? {
                        "nan" => f64::NAN,
                        "inf" => f64::INFINITY,
                        "-inf" => f64::NEG_INFINITY,
                        other => return err(format!("`$float` of `{other}`")),
                    }),
                    "$complex" => match list(inner)?.as_slice() {
                        [Value::Float(re), Value::Float(im)] => Value::Complex { re: *re, im: *im },
                        _ => return err("`$complex` holds two floats"),
                    },
                    "$bytes" => Value::Bytes(unhex(text()?)?),
                    "$tuple" => Value::Tuple(list(inner)?),
                    "$set" => Value::Set(list(inner)?),
                    "$frozenset" => Value::FrozenSet(list(inner)?),
                    "$dict" => Value::Dict(
                        list(inner)?
                            .into_iter()
                            .map(|pair| match pair {
                                Value::List(mut kv) if kv.len() == 2 => {
                                    let v = kv.pop().unwrap_or(Value::None);
                                    let k = kv.pop().unwrap_or(Value::None);
                                    Ok((k, v))
                                }
                                _ => err("`$dict` holds [key, value] pairs"),
                            })
                            .collect::<Result<_, _>>()?,
                    ),
                    "$capability" => return err("a capability does not read back from JSON"),
                    other => return err(format!("unknown tag `{other}`")),
                }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::None),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<u128>().prop_map(|n| Value::Int(BigInt::from(n) * BigInt::from(-3))),
            any::<f64>().prop_map(Value::Float),
            (any::<f64>(), any::<f64>()).prop_map(|(re, im)| Value::Complex { re, im }),
            ".{0,8}".prop_map(Value::Str),
            proptest::collection::vec(any::<u8>(), 0..8).prop_map(Value::Bytes),
        ];
        leaf.prop_recursive(4, 32, 4, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::List),
                proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Tuple),
                proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Set),
                proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::FrozenSet),
                proptest::collection::vec((inner.clone(), inner.clone()), 0..4).prop_map(dict),
                proptest::collection::vec((".{0,4}".prop_map(Value::Str), inner), 0..4)
                    .prop_map(dict),
            ]
        })
    }

    /// A dict as Python holds one: each key once (the later pair dropped).
    fn dict(pairs: Vec<(Value, Value)>) -> Value {
        let mut seen = Vec::new();
        Value::Dict(
            pairs
                .into_iter()
                .filter(|(k, _)| {
                    let key = format!("{k:?}");
                    let fresh = !seen.contains(&key);
                    seen.push(key);
                    fresh
                })
                .collect(),
        )
    }

    /// Equality that treats NaN as equal to NaN (and tells 0.0 from -0.0).
    fn same(a: &Value, b: &Value) -> bool {
        let f = |x: f64, y: f64| x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan());
        match (a, b) {
            (Value::Float(x), Value::Float(y)) => f(*x, *y),
            (Value::Complex { re: a, im: b }, Value::Complex { re: c, im: d }) => f(*a, *c) && f(*b, *d),
            (Value::List(x), Value::List(y))
            | (Value::Tuple(x), Value::Tuple(y))
            | (Value::Set(x), Value::Set(y))
            | (Value::FrozenSet(x), Value::FrozenSet(y)) => {
                x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
            }
            (Value::Dict(x), Value::Dict(y)) => {
                x.len() == y.len()
                    && x.iter().zip(y).all(|((k, v), (l, w))| same(k, l) && same(v, w))
            }
            _ => a == b,
        }
    }

    proptest! {
        #[test]
        fn every_value_reads_back_through_json_text(v in value()) {
            let text = serde_json::to_string(&v.to_tagged_json()).unwrap();
            let back = Value::from_tagged_json(&serde_json::from_str(&text).unwrap()).unwrap();
            prop_assert!(same(&v, &back), "{:?} -> {} -> {:?}", v, text, back);
        }
    }

    #[test]
    fn foreign_documents_are_errors() {
        for doc in [
            r#"{"$int": "12x"}"#,
            r#"{"$bytes": "0"}"#,
            r#"{"$float": "big"}"#,
            r#"{"$complex": [1]}"#,
            r#"{"$dict": [[1]]}"#,
            r#"{"$capability": "x"}"#,
            r#"{"$what": 1}"#,
            r#"{"$tuple": 1}"#,
        ] {
            assert!(Value::from_tagged_json(&serde_json::from_str(doc).unwrap()).is_err(), "{doc}");
        }
        // Two keys, one with `$`: an ordinary object.
        let v = Value::from_tagged_json(&serde_json::from_str(r#"{"$a": 1, "b": 2}"#).unwrap()).unwrap();
        assert!(matches!(v, Value::Dict(ref p) if p.len() == 2));
    }
}
