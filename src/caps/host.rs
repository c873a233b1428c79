//! Host objects: Rust values that guests reach through capabilities, with named
//! methods and read-only fields (in the spirit of mlua's `UserData`).

use super::{CapError, CapHandle};
use crate::value::Value;
use num_bigint::BigInt;
use std::any::Any;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Something crossing the membrane as an argument or a result: copied data, or a
/// capability.
#[derive(Clone, Debug)]
pub enum Arg {
    /// Plain data, copied.
    Value(Value),
    /// A capability. A guest's proxy crossing back to the host arrives as the
    /// handle of the capability it designates (unwrapping).
    Cap(CapHandle),
}

impl<T: Into<Value>> From<T> for Arg {
    fn from(v: T) -> Self {
        Arg::from_value(v.into())
    }
}

impl Arg {
    /// `Value::Cap` becomes `Arg::Cap`; other values stay data.
    pub fn from_value(v: Value) -> Arg {
        match v {
            Value::Cap(c) => Arg::Cap(c),
            v => Arg::Value(v),
        }
    }

    /// The argument as a [`Value`] (a capability becomes [`Value::Cap`]).
    pub fn into_value(self) -> Value {
        match self {
            Arg::Value(v) => v,
            Arg::Cap(c) => Value::Cap(c),
        }
    }

    fn type_name(&self) -> String {
        match self {
            Arg::Value(v) => v.type_name().to_owned(),
            Arg::Cap(c) => format!("{} capability", c.label()),
        }
    }
}

/// Conversion of one argument from what crossed the membrane.
pub trait FromArg: Sized {
    /// What the error message calls the expected type.
    const EXPECTED: &'static str;
    /// Converts, or `None` if `arg` is not of this type.
    fn from_arg(arg: Arg) -> Option<Self>;
}

impl FromArg for Arg {
    const EXPECTED: &'static str = "anything";
    fn from_arg(arg: Arg) -> Option<Self> {
        Some(arg)
    }
}

impl FromArg for Value {
    const EXPECTED: &'static str = "a value";
    fn from_arg(arg: Arg) -> Option<Self> {
        Some(arg.into_value())
    }
}

impl FromArg for CapHandle {
    const EXPECTED: &'static str = "a capability";
    fn from_arg(arg: Arg) -> Option<Self> {
        match arg {
            Arg::Cap(c) | Arg::Value(Value::Cap(c)) => Some(c),
            Arg::Value(_) => None,
        }
    }
}

impl FromArg for BigInt {
    const EXPECTED: &'static str = "int";
    fn from_arg(arg: Arg) -> Option<Self> {
        match arg {
            Arg::Value(Value::Int(i)) => Some(i),
            _ => None,
        }
    }
}

impl FromArg for i64 {
    const EXPECTED: &'static str = "an int of 64 bits";
    fn from_arg(arg: Arg) -> Option<Self> {
        match arg {
            Arg::Value(v) => v.as_i64(),
            Arg::Cap(_) => None,
        }
    }
}

impl FromArg for f64 {
    const EXPECTED: &'static str = "float";
    fn from_arg(arg: Arg) -> Option<Self> {
        match arg {
            Arg::Value(Value::Float(f)) => Some(f),
            Arg::Value(v @ Value::Int(_)) => v.as_i64().map(|i| i as f64),
            _ => None,
        }
    }
}

impl FromArg for bool {
    const EXPECTED: &'static str = "bool";
    fn from_arg(arg: Arg) -> Option<Self> {
        match arg {
            Arg::Value(Value::Bool(b)) => Some(b),
            _ => None,
        }
    }
}

impl FromArg for String {
    const EXPECTED: &'static str = "str";
    fn from_arg(arg: Arg) -> Option<Self> {
        match arg {
            Arg::Value(Value::Str(s)) => Some(s),
            _ => None,
        }
    }
}

impl<T: FromArg> FromArg for Option<T> {
    const EXPECTED: &'static str = T::EXPECTED;
    fn from_arg(arg: Arg) -> Option<Self> {
        match arg {
            Arg::Value(Value::None) => Some(None),
            other => T::from_arg(other).map(Some),
        }
    }
}

/// Conversion of a whole argument list; implemented for tuples of [`FromArg`]
/// types, so methods take their arguments as a tuple (`|this, (a, b): (i64, String)|`).
pub trait FromArgs: Sized {
    /// Converts `args` for method `method`.
    fn from_args(method: &str, args: Vec<Arg>) -> Result<Self, CapError>;
}

fn convert<T: FromArg>(position: usize, arg: Arg) -> Result<T, CapError> {
    let got = arg.type_name();
    T::from_arg(arg).ok_or(CapError::BadArgument {
        position,
        expected: T::EXPECTED,
        got,
    })
}

macro_rules! from_args_tuple {
    ($n:expr; $($t:ident),*) => {
        impl<$($t: FromArg),*> FromArgs for ($($t,)*) {
            #[allow(unused_variables, unused_mut, non_snake_case)]
            fn from_args(method: &str, args: Vec<Arg>) -> Result<Self, CapError> {
                if args.len() != $n {
                    return Err(CapError::ArgCount { method: method.to_owned(), expected: $n, got: args.len() });
                }
                let mut it = args.into_iter();
                let mut position = 0;
                $(
                    position += 1;
                    let $t = convert::<$t>(position, it.next().ok_or(CapError::ArgCount { method: method.to_owned(), expected: $n, got: position - 1 })?)?;
                )*
                Ok(($($t,)*))
            }
        }
    };
}
from_args_tuple!(0;);
from_args_tuple!(1; A);
from_args_tuple!(2; A, B);
from_args_tuple!(3; A, B, C);
from_args_tuple!(4; A, B, C, D);
from_args_tuple!(5; A, B, C, D, E);

type MethodFn<T> = Box<dyn Fn(&T, Vec<Arg>) -> Result<Arg, CapError> + Send + Sync>;
type FieldFn<T> = Box<dyn Fn(&T) -> Arg + Send + Sync>;

/// The methods and read-only fields a [`UserObject`] type offers to guests.
pub struct Methods<T> {
    methods: BTreeMap<String, MethodFn<T>>,
    fields: BTreeMap<String, FieldFn<T>>,
}

impl<T: 'static> Methods<T> {
    fn new() -> Self {
        Methods {
            methods: BTreeMap::new(),
            fields: BTreeMap::new(),
        }
    }

    /// Adds a method. Its arguments arrive as a tuple converted with [`FromArgs`];
    /// its result (data or a capability) crosses back through the membrane.
    pub fn add_method<A, R, F>(&mut self, name: &str, f: F) -> &mut Self
    where
        A: FromArgs,
        R: Into<Arg>,
        F: Fn(&T, A) -> Result<R, CapError> + Send + Sync + 'static,
    {
        let method = name.to_owned();
        self.methods.insert(
            name.to_owned(),
            Box::new(move |this, args| f(this, A::from_args(&method, args)?).map(Into::into)),
        );
        self
    }

    /// Adds a read-only field, computed when read.
    pub fn add_field<R, F>(&mut self, name: &str, f: F) -> &mut Self
    where
        R: Into<Arg>,
        F: Fn(&T) -> R + Send + Sync + 'static,
    {
        self.fields
            .insert(name.to_owned(), Box::new(move |this| f(this).into()));
        self
    }
}

/// A Rust type whose values can be handed to guests as capabilities
/// ([`Runtime::wrap`](crate::Runtime::wrap)).
///
/// ```
/// use pyocap::{CapError, Methods, UserObject};
/// use std::sync::atomic::{AtomicI64, Ordering};
///
/// struct Counter(AtomicI64);
///
/// impl UserObject for Counter {
///     fn type_name(&self) -> &str {
///         "Counter"
///     }
///     fn register(methods: &mut Methods<Self>) {
///         methods.add_method("add", |this, (n,): (i64,)| {
///             Ok(this.0.fetch_add(n, Ordering::SeqCst) + n)
///         });
///         methods.add_field("value", |this| this.0.load(Ordering::SeqCst));
///     }
/// }
/// ```
pub trait UserObject: Send + Sync + Sized + 'static {
    /// The label guests see (`repr` shows `<Label capability>`).
    fn type_name(&self) -> &str;
    /// Declares the methods and fields guests may reach (subject to each
    /// capability's [`Filter`](crate::Filter)).
    fn register(methods: &mut Methods<Self>);
}

/// A callable host function as a capability ([`Runtime::host_fn`](crate::Runtime::host_fn)).
pub(crate) struct HostFn {
    name: String,
    f: Box<dyn Fn(Vec<Arg>) -> Result<Arg, CapError> + Send + Sync>,
}

impl HostFn {
    pub(crate) fn new<A, R, F>(name: &str, f: F) -> HostFn
    where
        A: FromArgs,
        R: Into<Arg>,
        F: Fn(A) -> Result<R, CapError> + Send + Sync + 'static,
    {
        let n = name.to_owned();
        HostFn {
            name: name.to_owned(),
            f: Box::new(move |args| f(A::from_args(&n, args)?).map(Into::into)),
        }
    }
}

/// What reading a member of a capability's target gives.
pub(crate) enum Member {
    /// A method: call it with [`Dispatch::call_method`].
    Method,
    /// A value (data, or a further capability).
    Value(Arg),
}

/// What the runtime needs of a capability's target.
pub(crate) trait Dispatch: Send + Sync {
    fn label(&self) -> &str;
    /// Every member name (methods and fields), before filtering.
    fn names(&self) -> Vec<String>;
    /// Reads member `name` (the filter has been checked already).
    fn get(&self, name: &str) -> Result<Member, CapError>;
    fn call_method(&self, name: &str, args: Vec<Arg>) -> Result<Arg, CapError>;
    fn call(&self, args: Vec<Arg>) -> Result<Arg, CapError>;
    fn object(&self) -> Arc<dyn Any + Send + Sync>;
    /// For an object living in a sandbox: that sandbox's id and the object's
    /// export number there.
    fn export(&self) -> Option<(u64, u64)> {
        None
    }
}

pub(crate) struct UserDispatch<T> {
    obj: Arc<T>,
    methods: Methods<T>,
}

impl<T: UserObject> UserDispatch<T> {
    pub(crate) fn new(obj: T) -> Self {
        let mut methods = Methods::new();
        T::register(&mut methods);
        UserDispatch {
            obj: Arc::new(obj),
            methods,
        }
    }
}

impl<T: UserObject> Dispatch for UserDispatch<T> {
    fn label(&self) -> &str {
        self.obj.type_name()
    }
    fn names(&self) -> Vec<String> {
        self.methods
            .methods
            .keys()
            .chain(self.methods.fields.keys())
            .cloned()
            .collect()
    }
    fn get(&self, name: &str) -> Result<Member, CapError> {
        if self.methods.methods.contains_key(name) {
            return Ok(Member::Method);
        }
        match self.methods.fields.get(name) {
            Some(f) => Ok(Member::Value(f(&self.obj))),
            None => Err(CapError::NotPermitted {
                name: name.to_owned(),
            }),
        }
    }
    fn call_method(&self, name: &str, args: Vec<Arg>) -> Result<Arg, CapError> {
        match self.methods.methods.get(name) {
            Some(m) => m(&self.obj, args),
            None => Err(CapError::NotPermitted {
                name: name.to_owned(),
            }),
        }
    }
    fn call(&self, _args: Vec<Arg>) -> Result<Arg, CapError> {
        Err(CapError::NotCallable)
    }
    fn object(&self) -> Arc<dyn Any + Send + Sync> {
        self.obj.clone()
    }
}

impl Dispatch for HostFn {
    fn label(&self) -> &str {
        &self.name
    }
    fn names(&self) -> Vec<String> {
        Vec::new()
    }
    fn get(&self, name: &str) -> Result<Member, CapError> {
        Err(CapError::NotPermitted {
            name: name.to_owned(),
        })
    }
    fn call_method(&self, name: &str, _args: Vec<Arg>) -> Result<Arg, CapError> {
        Err(CapError::NotPermitted {
            name: name.to_owned(),
        })
    }
    fn call(&self, args: Vec<Arg>) -> Result<Arg, CapError> {
        (self.f)(args)
    }
    fn object(&self) -> Arc<dyn Any + Send + Sync> {
        Arc::new(())
    }
}
