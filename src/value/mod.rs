//! [`Value`]: plain data that is copied across the membrane.

use crate::caps::CapHandle;
use num_bigint::BigInt;
use std::collections::{BTreeMap, HashMap};
use std::fmt;

mod serde_impl;
mod tagged;
pub use tagged::TaggedJsonError;

pub use serde_impl::{from_value, to_value, SerdeError};

/// What crosses between master and slave: plain data, copied, and capabilities.
///
/// A `Value` never refers to an object of either side: crossing the membrane makes a
/// deep copy of data, and any other object crosses as a [`Value::Cap`], a
/// capability designating it (a proxy on the other side). Only the exact built-in types below are data; a subclass of `int` or
/// `dict` (whose methods a guest could have overridden) is not, and crossing one is a
/// [`CrossingError::NotData`](crate::CrossingError::NotData).
///
/// Containers keep Python's iteration order: a dict is a list of `(key, value)`
/// pairs in insertion order, a set a list of elements in the order the guest's set
/// iterated them. Equality is structural and order-sensitive, and `Float` compares
/// as `f64` does (`NaN != NaN`).
#[derive(Clone, PartialEq)]
#[non_exhaustive]
pub enum Value {
    /// `None`.
    None,
    /// `bool`.
    Bool(bool),
    /// `int`, of arbitrary precision.
    Int(BigInt),
    /// `float`.
    Float(f64),
    /// `complex`.
    Complex {
        /// Real part.
        re: f64,
        /// Imaginary part.
        im: f64,
    },
    /// `str`. Lone surrogates (which Python allows and UTF-8 does not) are replaced
    /// by U+FFFD when a guest string crosses to the host.
    Str(String),
    /// `bytes`.
    Bytes(Vec<u8>),
    /// `tuple`.
    Tuple(Vec<Value>),
    /// `list`.
    List(Vec<Value>),
    /// `dict`, as `(key, value)` pairs in insertion order.
    Dict(Vec<(Value, Value)>),
    /// `set`, in the guest's iteration order.
    Set(Vec<Value>),
    /// `frozenset`, in the guest's iteration order.
    FrozenSet(Vec<Value>),
    /// Anything that is not data: a capability. A host object, or a guest object
    /// (a function, an instance) that the guest handed out, which stays in its
    /// sandbox and is called there. In another guest it is an opaque proxy; back
    /// in the sandbox that owns the object it is the original object again.
    Cap(CapHandle),
}

impl Value {
    /// The Python type name of this value (`"int"`, `"dict"`, ...).
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::None => "NoneType",
            Value::Bool(_) => "bool",
            Value::Int(_) => "int",
            Value::Float(_) => "float",
            Value::Complex { .. } => "complex",
            Value::Str(_) => "str",
            Value::Bytes(_) => "bytes",
            Value::Tuple(_) => "tuple",
            Value::List(_) => "list",
            Value::Dict(_) => "dict",
            Value::Set(_) => "set",
            Value::FrozenSet(_) => "frozenset",
            Value::Cap(_) => "capability",
        }
    }

    /// The string, if this is a `Str`.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The capability, if this is a `Cap`.
    pub fn as_cap(&self) -> Option<&CapHandle> {
        match self {
            Value::Cap(c) => Some(c),
            _ => None,
        }
    }

    /// The integer as an `i64`, if this is an `Int` that fits.
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Int(i) => i64::try_from(i).ok(),
            _ => None,
        }
    }

    /// Renders the value as a JSON value. Python-only shapes are mapped as
    /// follows: tuples, sets and frozensets become arrays, bytes an array of
    /// numbers, complex numbers `{"real": .., "imag": ..}`, non-finite floats
    /// strings (`"nan"`, `"inf"`, `"-inf"`), integers beyond 64 bits decimal
    /// strings, and dicts whose keys are not all strings an array of `[key, value]`
    /// pairs.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match self {
            Value::None => J::Null,
            Value::Bool(b) => J::Bool(*b),
            Value::Int(i) => match i64::try_from(i) {
                Ok(n) => J::from(n),
                Err(_) => J::String(i.to_string()),
            },
            Value::Float(f) => serde_json::Number::from_f64(*f)
                .map(J::Number)
                .unwrap_or_else(|| J::String(format!("{}", PyFloat(*f)))),
            Value::Complex { re, im } => {
                serde_json::json!({ "real": Value::Float(*re).to_json(), "imag": Value::Float(*im).to_json() })
            }
            Value::Str(s) => J::String(s.clone()),
            Value::Bytes(b) => J::Array(b.iter().map(|x| J::from(*x)).collect()),
            Value::Tuple(v) | Value::List(v) | Value::Set(v) | Value::FrozenSet(v) => {
                J::Array(v.iter().map(Value::to_json).collect())
            }
            Value::Cap(c) => J::String(format!("<{} capability>", c.label())),
            Value::Dict(pairs) => {
                if pairs.iter().all(|(k, _)| matches!(k, Value::Str(_))) {
                    J::Object(
                        pairs
                            .iter()
                            .map(|(k, v)| (k.as_str().unwrap_or_default().to_owned(), v.to_json()))
                            .collect(),
                    )
                } else {
                    J::Array(
                        pairs
                            .iter()
                            .map(|(k, v)| J::Array(vec![k.to_json(), v.to_json()]))
                            .collect(),
                    )
                }
            }
        }
    }
}

/// A float printed the way Python's `repr` prints it.
struct PyFloat(f64);

impl fmt::Display for PyFloat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let x = self.0;
        if x.is_nan() {
            f.write_str("nan")
        } else if x.is_infinite() {
            f.write_str(if x > 0.0 { "inf" } else { "-inf" })
        } else if x == x.trunc() && x.abs() < 1e16 {
            write!(f, "{x:.1}")
        } else {
            write!(f, "{x}")
        }
    }
}

fn write_seq(f: &mut fmt::Formatter<'_>, open: &str, items: &[Value], close: &str) -> fmt::Result {
    f.write_str(open)?;
    for (i, v) in items.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        write!(f, "{v}")?;
    }
    f.write_str(close)
}

fn write_str_repr(f: &mut fmt::Formatter<'_>, s: &str) -> fmt::Result {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    write!(f, "{quote}")?;
    for c in s.chars() {
        match c {
            '\\' => f.write_str("\\\\")?,
            '\n' => f.write_str("\\n")?,
            '\r' => f.write_str("\\r")?,
            '\t' => f.write_str("\\t")?,
            c if c == quote => write!(f, "\\{c}")?,
            c if (c as u32) < 0x20 || c as u32 == 0x7f => write!(f, "\\x{:02x}", c as u32)?,
            c => write!(f, "{c}")?,
        }
    }
    write!(f, "{quote}")
}

/// Formats the value as Python's `repr` would (for data, `repr` is computed by the
/// host, never by guest code).
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::None => f.write_str("None"),
            Value::Bool(true) => f.write_str("True"),
            Value::Bool(false) => f.write_str("False"),
            Value::Int(i) => write!(f, "{i}"),
            Value::Float(x) => write!(f, "{}", PyFloat(*x)),
            Value::Complex { re, im } => {
                if *re == 0.0 && re.is_sign_positive() {
                    write!(f, "{}j", PyFloat(*im).to_string().trim_end_matches(".0"))
                } else {
                    let sign = if *im < 0.0 || (*im == 0.0 && im.is_sign_negative()) {
                        "-"
                    } else {
                        "+"
                    };
                    write!(
                        f,
                        "({}{sign}{}j)",
                        PyFloat(*re).to_string().trim_end_matches(".0"),
                        PyFloat(im.abs()).to_string().trim_end_matches(".0")
                    )
                }
            }
            Value::Str(s) => write_str_repr(f, s),
            Value::Bytes(b) => {
                f.write_str("b'")?;
                for &c in b {
                    match c {
                        b'\\' => f.write_str("\\\\")?,
                        b'\'' => f.write_str("\\'")?,
                        b'\n' => f.write_str("\\n")?,
                        b'\r' => f.write_str("\\r")?,
                        b'\t' => f.write_str("\\t")?,
                        0x20..=0x7e => write!(f, "{}", c as char)?,
                        _ => write!(f, "\\x{c:02x}")?,
                    }
                }
                f.write_str("'")
            }
            Value::Cap(c) => write!(f, "<{} capability>", c.label()),
            Value::Tuple(v) if v.len() == 1 => write!(f, "({},)", v[0]),
            Value::Tuple(v) => write_seq(f, "(", v, ")"),
            Value::List(v) => write_seq(f, "[", v, "]"),
            Value::Set(v) if v.is_empty() => f.write_str("set()"),
            Value::Set(v) => write_seq(f, "{", v, "}"),
            Value::FrozenSet(v) if v.is_empty() => f.write_str("frozenset()"),
            Value::FrozenSet(v) => write_seq(f, "frozenset({", v, "})"),
            Value::Dict(pairs) => {
                f.write_str("{")?;
                for (i, (k, v)) in pairs.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{k}: {v}")?;
                }
                f.write_str("}")
            }
        }
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Value({self})")
    }
}

macro_rules! from_int {
    ($($t:ty),*) => {$(
        impl From<$t> for Value {
            fn from(v: $t) -> Self { Value::Int(BigInt::from(v)) }
        }
    )*};
}
from_int!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize);

impl From<CapHandle> for Value {
    fn from(v: CapHandle) -> Self {
        Value::Cap(v)
    }
}
impl From<BigInt> for Value {
    fn from(v: BigInt) -> Self {
        Value::Int(v)
    }
}
impl From<bool> for Value {
    fn from(v: bool) -> Self {
        Value::Bool(v)
    }
}
impl From<f64> for Value {
    fn from(v: f64) -> Self {
        Value::Float(v)
    }
}
impl From<&str> for Value {
    fn from(v: &str) -> Self {
        Value::Str(v.to_owned())
    }
}
impl From<String> for Value {
    fn from(v: String) -> Self {
        Value::Str(v)
    }
}
impl From<Vec<u8>> for Value {
    fn from(v: Vec<u8>) -> Self {
        Value::Bytes(v)
    }
}
impl From<()> for Value {
    fn from(_: ()) -> Self {
        Value::None
    }
}
/// A `list`.
impl From<Vec<Value>> for Value {
    fn from(items: Vec<Value>) -> Self {
        Value::List(items)
    }
}

/// A `list` of the items (`values.iter().map(..).collect::<Value>()`).
impl<T: Into<Value>> FromIterator<T> for Value {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        Value::List(items.into_iter().map(Into::into).collect())
    }
}

/// A `dict`, in the map's iteration order (arbitrary for a `HashMap`).
impl<K: Into<Value>, V: Into<Value>, S> From<HashMap<K, V, S>> for Value {
    fn from(map: HashMap<K, V, S>) -> Self {
        Value::Dict(map.into_iter().map(|(k, v)| (k.into(), v.into())).collect())
    }
}

/// A `dict`, in key order.
impl<K: Into<Value>, V: Into<Value>> From<BTreeMap<K, V>> for Value {
    fn from(map: BTreeMap<K, V>) -> Self {
        Value::Dict(map.into_iter().map(|(k, v)| (k.into(), v.into())).collect())
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Self {
        v.map_or(Value::None, Into::into)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_matches_python_repr() {
        let v = Value::Dict(vec![
            (
                Value::from("a"),
                Value::List(vec![1.into(), Value::Float(2.0), Value::None]),
            ),
            (Value::from(3), Value::Tuple(vec![Value::Bool(true)])),
        ]);
        assert_eq!(v.to_string(), "{'a': [1, 2.0, None], 3: (True,)}");
        assert_eq!(Value::Bytes(b"a'\x00".to_vec()).to_string(), "b'a\\'\\x00'");
        assert_eq!(Value::Set(vec![]).to_string(), "set()");
        assert_eq!(Value::Complex { re: 0.0, im: 1.0 }.to_string(), "1j");
        assert_eq!(Value::Complex { re: 1.0, im: -2.0 }.to_string(), "(1-2j)");
    }

    #[test]
    fn json_rendering() {
        let big: BigInt = BigInt::from(1u8) << 100u32;
        let v = Value::List(vec![
            Value::Int(big.clone()),
            Value::Float(f64::NAN),
            Value::from("x"),
        ]);
        assert_eq!(
            v.to_json(),
            serde_json::json!([big.to_string(), "nan", "x"])
        );
        let d = Value::Dict(vec![(1.into(), 2.into())]);
        assert_eq!(d.to_json(), serde_json::json!([[1, 2]]));
    }
}

/// Bounds on one crossing of data (one argument list, one result).
///
/// The defaults allow ordinary results (JSON-like documents, tables of a few
/// hundred thousand cells) and refuse values that could only be an attack on the
/// other side's memory or stack.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataLimits {
    /// Deepest nesting of containers. Default: 100.
    pub max_depth: usize,
    /// Most values (every scalar and container counts one). Default: 1,000,000.
    pub max_items: usize,
    /// Most bytes of string, bytes and big-integer payload. Default: 64 MiB.
    pub max_bytes: usize,
}

impl Default for DataLimits {
    fn default() -> Self {
        DataLimits {
            max_depth: 100,
            max_items: 1_000_000,
            max_bytes: 64 << 20,
        }
    }
}

/// Why a value could not cross the membrane.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CrossingError {
    /// The object is not plain data (not one of the exact built-in data types).
    #[error("a `{type_name}` object is not data and cannot be copied across the membrane")]
    NotData {
        /// The object's type name.
        type_name: String,
    },
    /// Containers nested deeper than [`DataLimits::max_depth`].
    #[error("value nested deeper than {limit} levels")]
    TooDeep {
        /// The limit in force.
        limit: usize,
    },
    /// More than [`DataLimits::max_items`] values.
    #[error("value has more than {limit} items")]
    TooManyItems {
        /// The limit in force.
        limit: usize,
    },
    /// More than [`DataLimits::max_bytes`] bytes of payload.
    #[error("value holds more than {limit} bytes")]
    TooLarge {
        /// The limit in force.
        limit: usize,
    },
    /// A host value put an unhashable value where Python needs a hashable one (a
    /// dict key, a set element).
    #[error("a `{type_name}` cannot be a dict key or set element")]
    Unhashable {
        /// The offending element's type name.
        type_name: String,
    },
    /// A capability in the value could not cross (revoked, or of another runtime).
    #[error(transparent)]
    Capability(#[from] crate::caps::CapError),
}
