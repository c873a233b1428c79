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
#[derive(Clone)]
pub enum Arg {
    /// Plain data, copied.
    Value(Value),
    /// A capability. A guest's proxy crossing back to the host arrives as the
    /// handle of the capability it designates (unwrapping).
    Cap(CapHandle),
}

/// As the value or capability it holds (`Value(42)`, `Cap(<Purse capability>)`).
impl std::fmt::Debug for Arg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Arg::Value(v) => write!(f, "{v:?}"),
            Arg::Cap(c) => write!(f, "Cap({c:?})"),
        }
    }
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

    /// What an error calls the argument's type (allocating only for a
    /// capability, whose label it names).
    fn type_name(&self) -> std::borrow::Cow<'static, str> {
        match self {
            Arg::Value(v) => v.type_name().into(),
            Arg::Cap(c) => format!("{} capability", c.label()).into(),
        }
    }
}

/// Conversion of one argument from what crossed the membrane.
///
/// As a parameter of a host function or method (an element of its argument
/// tuple), a type takes one positional argument; [`Option<T>`] may be
/// omitted at the end, [`Variadic<T>`] takes the rest (`*args`) and [`Kwargs`]
/// the keyword arguments (`**kwargs`).
pub trait FromArg: Sized {
    /// What the error message calls the expected type.
    const EXPECTED: &'static str;
    /// Converts, or `None` if `arg` is not of this type.
    fn from_arg(arg: Arg) -> Option<Self>;

    /// The fewest positional arguments this parameter takes.
    #[doc(hidden)]
    const MIN: usize = 1;
    /// The most (`usize::MAX`: no bound).
    #[doc(hidden)]
    const MAX: usize = 1;
    /// Whether this parameter takes the keyword arguments.
    #[doc(hidden)]
    const TAKES_KEYWORDS: bool = false;
    /// The value of an omitted trailing argument, if it may be omitted.
    #[doc(hidden)]
    fn missing() -> Option<Self> {
        None
    }
    /// Takes this parameter's arguments from a call.
    #[doc(hidden)]
    fn take(call: &mut CallArgs<'_>) -> Result<Self, CapError> {
        match call.next_positional() {
            Some((position, arg)) => convert(position, arg),
            None => Self::missing().ok_or_else(|| call.count_error()),
        }
    }
}

/// A call's arguments while its parameters take them (see [`FromArg`]).
#[doc(hidden)]
pub struct CallArgs<'a> {
    method: &'a str,
    positional: std::vec::IntoIter<Arg>,
    position: usize,
    keywords: Option<Kwargs>,
    min: usize,
    max: usize,
    given: usize,
}

impl CallArgs<'_> {
    fn next_positional(&mut self) -> Option<(usize, Arg)> {
        let arg = self.positional.next()?;
        self.position += 1;
        Some((self.position, arg))
    }

    fn count_error(&self) -> CapError {
        count_error(self.method, self.min, self.max, self.given)
    }
}

fn count_error(method: &str, min: usize, max: usize, got: usize) -> CapError {
    if min == max {
        CapError::ArgCount {
            method: method.to_owned(),
            expected: min,
            got,
        }
    } else {
        CapError::ArgRange {
            method: method.to_owned(),
            min,
            max: (max != usize::MAX).then_some(max),
            got,
        }
    }
}

/// The remaining positional arguments of a call (`*args`), as the last
/// positional parameter of a host function or method:
/// `|(first, Variadic(rest)): (String, Variadic<String>)|`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Variadic<T>(pub Vec<T>);

impl<T> std::ops::Deref for Variadic<T> {
    type Target = Vec<T>;
    fn deref(&self) -> &Vec<T> {
        &self.0
    }
}

impl<T: FromArg> FromArg for Variadic<T> {
    const EXPECTED: &'static str = T::EXPECTED;
    fn from_arg(arg: Arg) -> Option<Self> {
        T::from_arg(arg).map(|v| Variadic(vec![v]))
    }
    const MIN: usize = 0;
    const MAX: usize = usize::MAX;
    fn take(call: &mut CallArgs<'_>) -> Result<Self, CapError> {
        let mut out = Vec::new();
        while let Some((position, arg)) = call.next_positional() {
            out.push(convert(position, arg)?);
        }
        Ok(Variadic(out))
    }
}

/// The keyword arguments of a call, in the order given (`**kwargs`), as the
/// last parameter of a host function or method. A function without one
/// refuses keyword arguments (`TypeError` in the guest).
///
/// ```
/// # use pyocap::{Kwargs, Variadic};
/// // log(*parts, sep=" ")
/// let log = |(Variadic(parts), mut kw): (Variadic<String>, Kwargs)| {
///     let sep: String = kw.take("sep")?.unwrap_or_else(|| " ".into());
///     kw.finish("log")?; // no other keyword
///     Ok::<_, pyocap::CapError>(parts.join(&sep))
/// };
/// ```
#[derive(Clone, Debug, Default)]
pub struct Kwargs(Vec<(String, Arg)>);

impl Kwargs {
    /// No keyword arguments.
    pub fn new() -> Kwargs {
        Kwargs(Vec::new())
    }

    /// Sets keyword `name` to `value` (replacing a previous value).
    pub fn insert(&mut self, name: impl Into<String>, value: impl Into<Arg>) -> &mut Kwargs {
        let name = name.into();
        let value = value.into();
        match self.0.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = value,
            None => self.0.push((name, value)),
        }
        self
    }

    /// Adds keyword `name`, known not to be there yet (names a call already
    /// checked: a Python call's keywords are distinct). Linear where
    /// [`Kwargs::insert`] would be quadratic over a call's keywords.
    pub(crate) fn push_unique(&mut self, name: String, value: Arg) {
        self.0.push((name, value));
    }

    /// The value of keyword `name`, if it was given.
    pub fn get(&self, name: &str) -> Option<&Arg> {
        self.0.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    /// Removes keyword `name` and converts it: `Ok(None)` if it was not
    /// given, [`CapError::BadKeyword`] if it is not a `T`.
    pub fn take<T: FromArg>(&mut self, name: &str) -> Result<Option<T>, CapError> {
        let Some(at) = self.0.iter().position(|(n, _)| n == name) else {
            return Ok(None);
        };
        let (name, arg) = self.0.remove(at);
        let got = arg.type_name();
        match T::from_arg(arg) {
            Some(v) => Ok(Some(v)),
            None => Err(CapError::BadKeyword {
                name,
                expected: T::EXPECTED,
                got: got.into_owned(),
            }),
        }
    }

    /// [`CapError::UnexpectedKeyword`] if any keyword is left (call it after
    /// taking the ones `function` knows).
    pub fn finish(&self, function: &str) -> Result<(), CapError> {
        match self.0.first() {
            Some((name, _)) => Err(CapError::UnexpectedKeyword {
                method: function.to_owned(),
                name: name.clone(),
            }),
            None => Ok(()),
        }
    }

    /// How many keywords there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The keywords and their values, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Arg)> {
        self.0.iter().map(|(n, v)| (n.as_str(), v))
    }
}

impl IntoIterator for Kwargs {
    type Item = (String, Arg);
    type IntoIter = std::vec::IntoIter<(String, Arg)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<K: Into<String>, V: Into<Arg>> FromIterator<(K, V)> for Kwargs {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(items: I) -> Kwargs {
        let mut kw = Kwargs::new();
        for (k, v) in items {
            kw.insert(k, v);
        }
        kw
    }
}

impl FromArg for Kwargs {
    const EXPECTED: &'static str = "keyword arguments";
    fn from_arg(_arg: Arg) -> Option<Self> {
        None
    }
    const MIN: usize = 0;
    const MAX: usize = 0;
    const TAKES_KEYWORDS: bool = true;
    fn take(call: &mut CallArgs<'_>) -> Result<Self, CapError> {
        Ok(call.keywords.take().unwrap_or_default())
    }
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

/// `None` (or an omitted trailing argument), or a `T`.
impl<T: FromArg> FromArg for Option<T> {
    const EXPECTED: &'static str = T::EXPECTED;
    fn from_arg(arg: Arg) -> Option<Self> {
        match arg {
            Arg::Value(Value::None) => Some(None),
            other => T::from_arg(other).map(Some),
        }
    }
    const MIN: usize = 0;
    fn missing() -> Option<Self> {
        Some(None)
    }
}

/// Conversion of a whole argument list; implemented for tuples of [`FromArg`]
/// types, so methods take their arguments as a tuple (`|this, (a, b): (i64, String)|`).
/// Trailing [`Option`]s may be omitted, a [`Variadic`] takes the remaining
/// positional arguments and a final [`Kwargs`] the keyword arguments; without
/// one, a keyword argument is refused.
pub trait FromArgs: Sized {
    /// Converts the arguments of a call of `method`.
    fn from_args(method: &str, args: Vec<Arg>, kwargs: Kwargs) -> Result<Self, CapError>;
}

fn convert<T: FromArg>(position: usize, arg: Arg) -> Result<T, CapError> {
    let got = arg.type_name();
    T::from_arg(arg).ok_or_else(|| CapError::BadArgument {
        position,
        expected: T::EXPECTED,
        got: got.into_owned(),
    })
}

macro_rules! from_args_tuple {
    ($($t:ident),*) => {
        impl<$($t: FromArg),*> FromArgs for ($($t,)*) {
            #[allow(unused_variables, unused_mut, non_snake_case)]
            fn from_args(method: &str, args: Vec<Arg>, kwargs: Kwargs) -> Result<Self, CapError> {
                let min = 0 $(+ $t::MIN)*;
                let max = 0usize $(.saturating_add($t::MAX))*;
                let given = args.len();
                // A keyword where none is taken is the first thing wrong.
                if !(false $(|| $t::TAKES_KEYWORDS)*) {
                    kwargs.finish(method)?;
                }
                if given < min || given > max {
                    return Err(count_error(method, min, max, given));
                }
                let mut call = CallArgs {
                    method,
                    positional: args.into_iter(),
                    position: 0,
                    keywords: Some(kwargs),
                    min,
                    max,
                    given,
                };
                $(let $t = $t::take(&mut call)?;)*
                if let Some(keywords) = &call.keywords {
                    keywords.finish(method)?;
                }
                Ok(($($t,)*))
            }
        }
    };
}
from_args_tuple!();
from_args_tuple!(A);
from_args_tuple!(A, B);
from_args_tuple!(A, B, C);
from_args_tuple!(A, B, C, D);
from_args_tuple!(A, B, C, D, E);
from_args_tuple!(A, B, C, D, E, F);

/// Runs a host closure (a function, method or field of the host's own code),
/// turning a panic into [`CapError::HostPanicked`]: the panic stops at the
/// capability, never unwinds into the interpreter, and the sandbox goes on.
fn guarded<R>(
    what: impl FnOnce() -> String,
    f: impl FnOnce() -> Result<R, CapError>,
) -> Result<R, CapError> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(result) => result,
        Err(payload) => {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a panic without a message".to_owned());
            Err(CapError::HostPanicked {
                function: what(),
                message,
            })
        }
    }
}

type MethodFn<T> = Box<dyn Fn(&T, Vec<Arg>, Kwargs) -> Result<Arg, CapError> + Send + Sync>;
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
            Box::new(move |this, args, kwargs| {
                f(this, A::from_args(&method, args, kwargs)?).map(Into::into)
            }),
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
    f: Box<dyn Fn(Vec<Arg>, Kwargs) -> Result<Arg, CapError> + Send + Sync>,
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
            f: Box::new(move |args, kwargs| f(A::from_args(&n, args, kwargs)?).map(Into::into)),
        }
    }
}

/// What reading a member of a capability's target gives
/// ([`DynamicObject::get`], [`CapHandle::member`](crate::CapHandle::member)).
#[derive(Debug, Clone)]
pub enum Member {
    /// A method: call it by name (`call_method`). A guest reading it gets a
    /// bound method that does.
    Method,
    /// A value (data, or a further capability).
    Value(Arg),
}

/// A host object whose members are known only at run time: an object of
/// another language's runtime (the CPython package's objects are these), a
/// script engine's value, a record read from a file. [`UserObject`] is the
/// static form (methods registered once per type); this one answers each
/// name when it is asked.
///
/// A capability made of it ([`Runtime::wrap_dynamic`](crate::Runtime::wrap_dynamic))
/// obeys every rule of SPEC §3.3 and §3.7 as a [`UserObject`]'s does: the
/// capability's filter is checked before any of these methods is called,
/// arguments arrive copied or as capabilities (a proxy crossing back unwraps),
/// every capability in a result is narrowed by the capability used, and a
/// panic in any method stops at the capability (`CapError::HostPanicked`).
/// The methods run on the calling sandbox's thread, inside the guest's call.
///
/// ```
/// use pyocap::{Arg, CapError, DynamicObject, Kwargs, Member};
///
/// struct Record(Vec<(String, i64)>);
///
/// impl DynamicObject for Record {
///     fn type_name(&self) -> &str {
///         "Record"
///     }
///     fn names(&self) -> Vec<String> {
///         self.0.iter().map(|(k, _)| k.clone()).collect()
///     }
///     fn get(&self, name: &str) -> Result<Member, CapError> {
///         self.0
///             .iter()
///             .find(|(k, _)| k == name)
///             .map(|(_, v)| Member::Value((*v).into()))
///             .ok_or_else(|| CapError::NotPermitted { name: name.into() })
///     }
///     fn call_method(&self, name: &str, _: Vec<Arg>, _: Kwargs) -> Result<Arg, CapError> {
///         Err(CapError::NotPermitted { name: name.into() })
///     }
/// }
/// ```
pub trait DynamicObject: Send + Sync + 'static {
    /// The label guests see (`repr` shows `<Label capability>`).
    fn type_name(&self) -> &str;
    /// Every member name the object offers, before filtering (`dir()` of a
    /// proxy shows those its filter passes).
    fn names(&self) -> Vec<String>;
    /// Reads member `name`: a method, or a value. A name the object does not
    /// have is [`CapError::NotPermitted`].
    fn get(&self, name: &str) -> Result<Member, CapError>;
    /// Calls method `name` with arguments that crossed the membrane.
    fn call_method(&self, name: &str, args: Vec<Arg>, kwargs: Kwargs) -> Result<Arg, CapError>;
    /// Calls the object itself; by default it is not callable
    /// ([`CapError::NotCallable`]).
    fn call(&self, args: Vec<Arg>, kwargs: Kwargs) -> Result<Arg, CapError> {
        let _ = (args, kwargs);
        Err(CapError::NotCallable)
    }
}

/// A [`DynamicObject`] as a capability's target.
pub(crate) struct DynDispatch<T>(pub(crate) Arc<T>);

impl<T: DynamicObject> Dispatch for DynDispatch<T> {
    fn label(&self) -> &str {
        self.0.type_name()
    }
    fn names(&self) -> Vec<String> {
        let what = || format!("{}.__dir__", self.0.type_name());
        guarded(what, || Ok(self.0.names())).unwrap_or_default()
    }
    fn get(&self, name: &str) -> Result<Member, CapError> {
        guarded(|| format!("{}.{name}", self.0.type_name()), || self.0.get(name))
    }
    fn call_method(&self, name: &str, args: Vec<Arg>, kwargs: Kwargs) -> Result<Arg, CapError> {
        guarded(|| format!("{}.{name}", self.0.type_name()), || {
            self.0.call_method(name, args, kwargs)
        })
    }
    fn call(&self, args: Vec<Arg>, kwargs: Kwargs) -> Result<Arg, CapError> {
        guarded(|| self.0.type_name().to_owned(), || self.0.call(args, kwargs))
    }
    fn object(&self) -> Arc<dyn Any + Send + Sync> {
        self.0.clone()
    }
}

/// What the runtime needs of a capability's target.
pub(crate) trait Dispatch: Send + Sync {
    fn label(&self) -> &str;
    /// Every member name (methods and fields), before filtering.
    fn names(&self) -> Vec<String>;
    /// Reads member `name` (the filter has been checked already).
    fn get(&self, name: &str) -> Result<Member, CapError>;
    fn call_method(&self, name: &str, args: Vec<Arg>, kwargs: Kwargs) -> Result<Arg, CapError>;
    fn call(&self, args: Vec<Arg>, kwargs: Kwargs) -> Result<Arg, CapError>;
    fn object(&self) -> Arc<dyn Any + Send + Sync>;
    /// For an object living in a sandbox: that sandbox's id and the object's
    /// export number there.
    fn export(&self) -> Option<(u64, u64)> {
        None
    }
    /// Whether a capability to it never unwraps to the object, even at its
    /// owner at full authority (an object handed in through an attenuated
    /// capability by a party that does not own it, SPEC §3.7).
    fn sealed(&self) -> bool {
        false
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
            Some(f) => guarded(|| format!("{}.{name}", self.obj.type_name()), || {
                Ok(Member::Value(f(&self.obj)))
            }),
            None => Err(CapError::NotPermitted {
                name: name.to_owned(),
            }),
        }
    }
    fn call_method(&self, name: &str, args: Vec<Arg>, kwargs: Kwargs) -> Result<Arg, CapError> {
        match self.methods.methods.get(name) {
            Some(m) => guarded(|| format!("{}.{name}", self.obj.type_name()), || {
                m(&self.obj, args, kwargs)
            }),
            None => Err(CapError::NotPermitted {
                name: name.to_owned(),
            }),
        }
    }
    fn call(&self, _args: Vec<Arg>, _kwargs: Kwargs) -> Result<Arg, CapError> {
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
    fn call_method(&self, name: &str, _args: Vec<Arg>, _kwargs: Kwargs) -> Result<Arg, CapError> {
        Err(CapError::NotPermitted {
            name: name.to_owned(),
        })
    }
    fn call(&self, args: Vec<Arg>, kwargs: Kwargs) -> Result<Arg, CapError> {
        guarded(|| self.name.clone(), || (self.f)(args, kwargs))
    }
    fn object(&self) -> Arc<dyn Any + Send + Sync> {
        Arc::new(())
    }
}
