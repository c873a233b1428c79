//! `serde` for [`Value`]: a host's own types in and out of guests
//! ([`to_value`], [`from_value`]).
//!
//! The mapping is serde's usual data model onto Python's: integers of any
//! width are `int`, floats `float`, strings and chars `str`, byte buffers
//! (`serde_bytes`) `bytes`, sequences `list`, tuples and tuple structs
//! `tuple`, maps `dict` (with keys of any data type), structs `dict` with `str`
//! keys, `None`/unit `None`; enums are externally tagged: a unit variant is its
//! name, any other variant a one-entry `dict` `{name: content}`. Going back,
//! `set`, `frozenset`, `list` and `tuple` all read as sequences, and a
//! `complex` as the pair `(re, im)`. A capability is not data: it is an error
//! in both directions.

use super::Value;
use num_bigint::BigInt;
use serde::de::value::{MapDeserializer, SeqDeserializer};
use serde::de::{self, DeserializeOwned, IntoDeserializer, Visitor};
use serde::ser::{self, Serialize};
use std::fmt;

/// Why a [`to_value`] or [`from_value`] conversion failed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct SerdeError(String);

impl ser::Error for SerdeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        SerdeError(msg.to_string())
    }
}

impl de::Error for SerdeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        SerdeError(msg.to_string())
    }
}

/// Converts any `Serialize` value of the host into a [`Value`] a guest gets
/// as plain Python data.
///
/// ```
/// #[derive(serde::Serialize)]
/// struct Config { rate: u32, names: Vec<String> }
/// let v = pyocap::to_value(&Config { rate: 3, names: vec!["a".into()] }).unwrap();
/// assert_eq!(v.to_string(), "{'rate': 3, 'names': ['a']}");
/// ```
pub fn to_value<T: Serialize + ?Sized>(value: &T) -> Result<Value, SerdeError> {
    value.serialize(Serializer)
}

/// Converts a [`Value`] (what a guest returned) into any `Deserialize` type
/// of the host; a value of the wrong shape is an error naming what was
/// expected.
///
/// ```
/// #[derive(serde::Deserialize, Debug, PartialEq)]
/// struct Point { x: i64, y: i64 }
/// let v = pyocap::Value::Dict(vec![("x".into(), 1.into()), ("y".into(), 2.into())]);
/// assert_eq!(pyocap::from_value::<Point>(v).unwrap(), Point { x: 1, y: 2 });
/// ```
pub fn from_value<T: DeserializeOwned>(value: Value) -> Result<T, SerdeError> {
    T::deserialize(value)
}

fn key(name: &str) -> Value {
    Value::Str(name.to_owned())
}

/// The serializer making a [`Value`].
struct Serializer;

impl ser::Serializer for Serializer {
    type Ok = Value;
    type Error = SerdeError;
    type SerializeSeq = Seq;
    type SerializeTuple = Seq;
    type SerializeTupleStruct = Seq;
    type SerializeTupleVariant = Seq;
    type SerializeMap = Map;
    type SerializeStruct = Map;
    type SerializeStructVariant = Map;

    fn serialize_bool(self, v: bool) -> Result<Value, SerdeError> {
        Ok(Value::Bool(v))
    }
    fn serialize_i8(self, v: i8) -> Result<Value, SerdeError> {
        Ok(Value::from(v))
    }
    fn serialize_i16(self, v: i16) -> Result<Value, SerdeError> {
        Ok(Value::from(v))
    }
    fn serialize_i32(self, v: i32) -> Result<Value, SerdeError> {
        Ok(Value::from(v))
    }
    fn serialize_i64(self, v: i64) -> Result<Value, SerdeError> {
        Ok(Value::from(v))
    }
    fn serialize_i128(self, v: i128) -> Result<Value, SerdeError> {
        Ok(Value::Int(BigInt::from(v)))
    }
    fn serialize_u8(self, v: u8) -> Result<Value, SerdeError> {
        Ok(Value::from(v))
    }
    fn serialize_u16(self, v: u16) -> Result<Value, SerdeError> {
        Ok(Value::from(v))
    }
    fn serialize_u32(self, v: u32) -> Result<Value, SerdeError> {
        Ok(Value::from(v))
    }
    fn serialize_u64(self, v: u64) -> Result<Value, SerdeError> {
        Ok(Value::from(v))
    }
    fn serialize_u128(self, v: u128) -> Result<Value, SerdeError> {
        Ok(Value::Int(BigInt::from(v)))
    }
    fn serialize_f32(self, v: f32) -> Result<Value, SerdeError> {
        Ok(Value::Float(f64::from(v)))
    }
    fn serialize_f64(self, v: f64) -> Result<Value, SerdeError> {
        Ok(Value::Float(v))
    }
    fn serialize_char(self, v: char) -> Result<Value, SerdeError> {
        Ok(Value::Str(v.to_string()))
    }
    fn serialize_str(self, v: &str) -> Result<Value, SerdeError> {
        Ok(key(v))
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Value, SerdeError> {
        Ok(Value::Bytes(v.to_vec()))
    }
    fn serialize_none(self) -> Result<Value, SerdeError> {
        Ok(Value::None)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Value, SerdeError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Value, SerdeError> {
        Ok(Value::None)
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<Value, SerdeError> {
        Ok(Value::None)
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<Value, SerdeError> {
        Ok(key(variant))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<Value, SerdeError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Value, SerdeError> {
        Ok(Value::Dict(vec![(key(variant), value.serialize(Serializer)?)]))
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Seq, SerdeError> {
        Ok(Seq::new(Shape::List, len))
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq, SerdeError> {
        Ok(Seq::new(Shape::Tuple, Some(len)))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Seq, SerdeError> {
        Ok(Seq::new(Shape::Tuple, Some(len)))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Seq, SerdeError> {
        Ok(Seq::new(Shape::Variant(variant), Some(len)))
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Map, SerdeError> {
        Ok(Map::new(None, len))
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Map, SerdeError> {
        Ok(Map::new(None, Some(len)))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Map, SerdeError> {
        Ok(Map::new(Some(variant), Some(len)))
    }
}

/// What a sequence becomes.
enum Shape {
    List,
    Tuple,
    /// A tuple variant: `{name: (items...)}`.
    Variant(&'static str),
}

/// A sequence being serialized.
struct Seq {
    shape: Shape,
    items: Vec<Value>,
}

impl Seq {
    fn new(shape: Shape, len: Option<usize>) -> Seq {
        // A length hint is the serialized type's claim, not a measured size:
        // capped, so a lying `Serialize` impl cannot ask for a huge buffer.
        Seq {
            shape,
            items: Vec::with_capacity(len.unwrap_or(0).min(4096)),
        }
    }

    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerdeError> {
        self.items.push(value.serialize(Serializer)?);
        Ok(())
    }

    fn finish(self) -> Value {
        match self.shape {
            Shape::List => Value::List(self.items),
            Shape::Tuple => Value::Tuple(self.items),
            Shape::Variant(name) => Value::Dict(vec![(key(name), Value::Tuple(self.items))]),
        }
    }
}

/// The four sequence traits of serde differ only in the element method's name.
macro_rules! sequence_impl {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for Seq {
            type Ok = Value;
            type Error = SerdeError;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerdeError> {
                self.push(value)
            }
            fn end(self) -> Result<Value, SerdeError> {
                Ok(self.finish())
            }
        }
    )*};
}

sequence_impl!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

/// A map or struct being serialized.
struct Map {
    variant: Option<&'static str>,
    pairs: Vec<(Value, Value)>,
    key: Option<Value>,
}

impl Map {
    fn new(variant: Option<&'static str>, len: Option<usize>) -> Map {
        Map {
            variant,
            pairs: Vec::with_capacity(len.unwrap_or(0).min(4096)),
            key: None,
        }
    }

    fn finish(self) -> Value {
        let dict = Value::Dict(self.pairs);
        match self.variant {
            None => dict,
            Some(name) => Value::Dict(vec![(key(name), dict)]),
        }
    }
}

impl ser::SerializeMap for Map {
    type Ok = Value;
    type Error = SerdeError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, k: &T) -> Result<(), SerdeError> {
        self.key = Some(k.serialize(Serializer)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerdeError> {
        let k = self
            .key
            .take()
            .ok_or_else(|| SerdeError("a map value without its key".into()))?;
        self.pairs.push((k, value.serialize(Serializer)?));
        Ok(())
    }
    fn end(self) -> Result<Value, SerdeError> {
        Ok(self.finish())
    }
}

/// A struct's fields and a struct variant's are written alike.
macro_rules! struct_impl {
    ($($trait:ident),*) => {$(
        impl ser::$trait for Map {
            type Ok = Value;
            type Error = SerdeError;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                name: &'static str,
                value: &T,
            ) -> Result<(), SerdeError> {
                self.pairs.push((key(name), value.serialize(Serializer)?));
                Ok(())
            }
            fn end(self) -> Result<Value, SerdeError> {
                Ok(self.finish())
            }
        }
    )*};
}

struct_impl!(SerializeStruct, SerializeStructVariant);

impl<'de> IntoDeserializer<'de, SerdeError> for Value {
    type Deserializer = Value;
    fn into_deserializer(self) -> Value {
        self
    }
}

fn sequence<'de, V: Visitor<'de>>(items: Vec<Value>, visitor: V) -> Result<V::Value, SerdeError> {
    let mut seq = SeqDeserializer::new(items.into_iter());
    let out = visitor.visit_seq(&mut seq)?;
    seq.end()?;
    Ok(out)
}

impl<'de> de::Deserializer<'de> for Value {
    type Error = SerdeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, SerdeError> {
        match self {
            Value::None => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(b),
            Value::Int(i) => {
                if let Ok(v) = i64::try_from(&i) {
                    visitor.visit_i64(v)
                } else if let Ok(v) = u64::try_from(&i) {
                    visitor.visit_u64(v)
                } else if let Ok(v) = i128::try_from(&i) {
                    visitor.visit_i128(v)
                } else if let Ok(v) = u128::try_from(&i) {
                    visitor.visit_u128(v)
                } else {
                    Err(SerdeError(format!(
                        "an int of {} bits does not fit in 128 bits",
                        i.bits()
                    )))
                }
            }
            Value::Float(f) => visitor.visit_f64(f),
            Value::Complex { re, im } => sequence(vec![Value::Float(re), Value::Float(im)], visitor),
            Value::Str(s) => visitor.visit_string(s),
            Value::Bytes(b) => visitor.visit_byte_buf(b),
            Value::Tuple(items) | Value::List(items) | Value::Set(items) | Value::FrozenSet(items) => {
                sequence(items, visitor)
            }
            Value::Dict(pairs) => {
                let mut map = MapDeserializer::new(pairs.into_iter());
                let out = visitor.visit_map(&mut map)?;
                map.end()?;
                Ok(out)
            }
            Value::Cap(c) => Err(SerdeError(format!(
                "{} is a capability, not data",
                c.label()
            ))),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, SerdeError> {
        match self {
            Value::None => visitor.visit_none(),
            other => visitor.visit_some(other),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, SerdeError> {
        visitor.visit_newtype_struct(self)
    }

    /// `bytes` read as a sequence (a `Vec<u8>`) gives its bytes as numbers.
    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, SerdeError> {
        match self {
            Value::Bytes(b) => sequence(b.into_iter().map(Value::from).collect(), visitor),
            other => other.deserialize_any(visitor),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, SerdeError> {
        match self {
            Value::Str(variant) => visitor.visit_enum(variant.into_deserializer()),
            Value::Dict(mut pairs) if pairs.len() == 1 => {
                let (variant, content) = pairs.remove(0);
                match variant {
                    Value::Str(variant) => visitor.visit_enum(Variant { variant, content }),
                    other => Err(SerdeError(format!(
                        "an enum variant is named by a str, not {}",
                        other.type_name()
                    ))),
                }
            }
            other => Err(SerdeError(format!(
                "an enum is a str or a one-entry dict, not {}",
                other.type_name()
            ))),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct tuple tuple_struct map struct identifier
        ignored_any
    }
}

/// A variant with content: `{name: content}`.
struct Variant {
    variant: String,
    content: Value,
}

impl<'de> de::EnumAccess<'de> for Variant {
    type Error = SerdeError;
    type Variant = Value;
    fn variant_seed<S: de::DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Value), SerdeError> {
        let name: de::value::StringDeserializer<SerdeError> = self.variant.into_deserializer();
        Ok((seed.deserialize(name)?, self.content))
    }
}

impl<'de> de::VariantAccess<'de> for Value {
    type Error = SerdeError;
    fn unit_variant(self) -> Result<(), SerdeError> {
        match self {
            Value::None => Ok(()),
            other => Err(SerdeError(format!(
                "a unit variant has no content, not {}",
                other.type_name()
            ))),
        }
    }
    fn newtype_variant_seed<S: de::DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<S::Value, SerdeError> {
        seed.deserialize(self)
    }
    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, SerdeError> {
        de::Deserializer::deserialize_seq(self, visitor)
    }
    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, SerdeError> {
        de::Deserializer::deserialize_map(self, visitor)
    }
}
