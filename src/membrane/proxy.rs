//! The guest side of capabilities: opaque proxies.
//!
//! A [`Proxy`] is a native object whose only content is a capability key. It has
//! no `__dict__`, cannot be subclassed, constructed, pickled or copied, compares
//! by identity, lists only the names its filter passes in `dir()`, and shows only
//! its label in `repr`. Every use looks the key up in the runtime's table, so a
//! revoked capability fails at once, wherever the proxy was copied to.
//!
//! One sandbox sees one proxy per capability (identity preservation): the
//! sandbox's membrane state maps each capability granted or returned to it to
//! its proxy. Each such capability is derived into the sandbox's membrane, so
//! revoking the membrane revokes everything the guest ever received.

use super::{check_host_value, from_guest, to_guest, wrap_exception, SourceCache};
use crate::value::{CrossingError, DataLimits, Value};
use crate::caps::host::Member;
use crate::caps::table::{CapKey, CapTable};
use crate::caps::{audit, Arg, CapError, CapHandle, Filter, Kwargs, Party};
use crate::guest::Tripwire;
use super::guest_object::GuestObject;
use crate::inbox::{Link, Op, Outcome};
use crate::error::GuestError;
use rustpython_vm::builtins::{PyStr, PyTypeRef};
use rustpython_vm::class::PyClassImpl;
use rustpython_vm::function::{FuncArgs, PySetterValue};
use rustpython_vm::protocol::{
    PyIterReturn, PyMappingMethods, PyNumberMethods, PySequenceMethods,
};
use rustpython_vm::types::{
    AsMapping, AsNumber, AsSequence, Callable, Constructor, GetAttr, IterNext, Iterable,
    Representable, SetAttr,
};
use rustpython_vm::{
    pyclass, AsObject, Py, PyObject, PyObjectRef, PyPayload, PyResult, VirtualMachine,
};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

/// This sandbox thread's side of the membrane.
pub(crate) struct MembraneState {
    table: Arc<CapTable>,
    membrane: u64,
    limits: DataLimits,
    /// One proxy per (designated object, filter): identity is per authority.
    proxies: HashMap<(usize, Filter), PyObjectRef>,
    revoked_error: PyTypeRef,
    host_error: PyTypeRef,
    /// This sandbox, as the owner of the objects it hands out.
    link: Arc<Link>,
    /// Objects this sandbox handed out, by export number, with their capability.
    exports: HashMap<u64, (PyObjectRef, CapKey)>,
    /// Export number by object identity (identity preservation).
    exported: HashMap<usize, u64>,
    next_export: u64,
    /// Size of `exports` at which revoked entries are swept out next.
    sweep_at: usize,
}

impl MembraneState {
    /// Forgets handed-out objects whose capability was revoked.
    fn sweep(&mut self) {
        if self.exports.len() < self.sweep_at {
            return;
        }
        let table = &self.table;
        self.exports.retain(|_, (_, key)| table.is_live(*key));
        let exports = &self.exports;
        self.exported.retain(|_, id| exports.contains_key(id));
        self.sweep_at = (self.exports.len() * 2).max(64);
    }
}

thread_local! {
    static STATE: RefCell<Option<MembraneState>> = const { RefCell::new(None) };
}

/// Sets up the membrane for the sandbox on this thread: the proxy types and the
/// guest exception classes `RevokedError` and `HostError`, bound in `builtins`.
pub(crate) fn install(
    vm: &VirtualMachine,
    table: Arc<CapTable>,
    link: Arc<Link>,
    limits: DataLimits,
) -> PyResult<()> {
    let membrane = link.id;
    Proxy::make_static_type();
    BoundMethod::make_static_type();
    let revoked_error = vm.ctx.new_exception_type("builtins", "RevokedError", None);
    let host_error = vm.ctx.new_exception_type("builtins", "HostError", None);
    let builtins = vm.builtins.dict();
    builtins.set_item("RevokedError", revoked_error.clone().into(), vm)?;
    builtins.set_item("HostError", host_error.clone().into(), vm)?;
    STATE.with(|s| {
        *s.borrow_mut() = Some(MembraneState {
            table,
            membrane,
            limits,
            proxies: HashMap::new(),
            revoked_error,
            host_error,
            link,
            exports: HashMap::new(),
            exported: HashMap::new(),
            next_export: 1,
            sweep_at: 64,
        })
    });
    Ok(())
}

/// Drops the proxies (on the sandbox thread, before the interpreter goes).
pub(crate) fn clear() {
    let state = STATE.with(|s| s.borrow_mut().take());
    drop(state);
}

fn with_state<R>(vm: &VirtualMachine, f: impl FnOnce(&mut MembraneState) -> R) -> PyResult<R> {
    STATE.with(|s| match s.borrow_mut().as_mut() {
        Some(state) => Ok(f(state)),
        None => Err(vm.new_runtime_error("capabilities are not available in this sandbox")),
    })
}

fn table(vm: &VirtualMachine) -> PyResult<Arc<CapTable>> {
    with_state(vm, |s| s.table.clone())
}

/// Exception classes whose name a guest caller keeps when an object in another
/// sandbox raised one (all of them built in, with no payload of their own).
const KEPT_EXCEPTIONS: &[&str] = &[
    "ArithmeticError",
    "AssertionError",
    "AttributeError",
    "IndexError",
    "KeyError",
    "LookupError",
    "NotImplementedError",
    "OverflowError",
    "RuntimeError",
    "TypeError",
    "ValueError",
    "ZeroDivisionError",
];

/// The guest exception for a capability error.
fn cap_error(vm: &VirtualMachine, e: CapError) -> rustpython_vm::builtins::PyBaseExceptionRef {
    if let CapError::Raised {
        type_name, message, ..
    } = &e
    {
        if KEPT_EXCEPTIONS.contains(&type_name.as_str()) {
            let class = vm.builtins.dict().get_item_opt(type_name.as_str(), vm);
            if let Ok(Some(class)) = class {
                if let Ok(class) = class.downcast::<rustpython_vm::builtins::PyType>() {
                    return vm.new_exception_msg(class, message.clone().into());
                }
            }
        }
    }
    let msg = e.to_string();
    let class = STATE.with(|s| {
        s.borrow().as_ref().map(|s| match e {
            CapError::Revoked | CapError::WrongRuntime => s.revoked_error.clone(),
            CapError::Failed(_)
            | CapError::HostPanicked { .. }
            | CapError::Raised { .. }
            | CapError::Stopped(_) => {
                s.host_error.clone()
            }
            _ => vm.ctx.exceptions.type_error.to_owned(),
        })
    });
    match (&e, class) {
        (CapError::NotPermitted { .. }, _) => vm.new_attribute_error(msg),
        (_, Some(class)) => vm.new_exception_msg(class, msg.into()),
        (_, None) => vm.new_runtime_error(msg),
    }
}

/// The proxy for `cap` in this sandbox (the same proxy every time).
pub(crate) fn proxy_for(cap: &CapHandle, vm: &VirtualMachine) -> PyResult {
    proxy_of(cap, vm).map_err(|e| cap_error(vm, e))
}

fn proxy_of(cap: &CapHandle, vm: &VirtualMachine) -> Result<PyObjectRef, CapError> {
    let (target, filter) = cap.table.resolve(cap.key)?;
    // The object, by the address of what the table holds for it: every
    // capability to one object shares it, and it lives while any of them does
    // (a stale address finds only a dead proxy, which is replaced).
    let identity = (Arc::as_ptr(&target) as *const () as usize, (*filter).clone());
    let existing = with_state(vm, |s| {
        if s.table.id() != cap.table.id() {
            return Err(CapError::WrongRuntime);
        }
        // A proxy whose membrane entry was revoked is dead; a new grant of the
        // same capability makes a new one.
        Ok(s.proxies
            .get(&identity)
            .filter(|p| {
                p.downcast_ref::<Proxy>()
                    .is_some_and(|p| s.table.is_live(p.key))
            })
            .cloned())
    })
    .map_err(|_| CapError::Revoked)??;
    if let Some(p) = existing {
        return Ok(p);
    }
    let (table, membrane) =
        with_state(vm, |s| (s.table.clone(), s.membrane)).map_err(|_| CapError::Revoked)?;
    let key = table.derive(cap.key, None, Some(membrane))?;
    let proxy: PyObjectRef = Proxy { key }.into_ref(&vm.ctx).into();
    let _ = with_state(vm, |s| s.proxies.insert(identity, proxy.clone()));
    Ok(proxy)
}

/// A capability arriving in this sandbox: the original object if it lives here
/// (unwrapping), a proxy otherwise.
pub(crate) fn cap_to_guest(
    cap: &CapHandle,
    vm: &VirtualMachine,
) -> Result<PyObjectRef, CrossingError> {
    // What this sandbox handed in through a narrowed capability comes back as
    // what it handed in.
    let here = with_state(vm, |s| s.membrane).ok();
    let peeled = CapHandle {
        key: cap.table.peel(cap.key, here)?,
        table: cap.table.clone(),
    };
    let cap = &peeled;
    let (target, filter) = cap.table.resolve(cap.key)?;
    // Only the owner's own authority unwraps: an attenuated capability to one of
    // this sandbox's objects stays a proxy here too, so handing it back out
    // (an identity function, a callback returning what it got) gives no more
    // than it passes.
    let unwraps = *filter == Filter::public() && !target.sealed();
    if let (Some((owner, export)), true) = (target.export(), unwraps) {
        let here = with_state(vm, |s| {
            if s.membrane == owner && s.table.id() == cap.table.id() {
                s.exports.get(&export).map(|(o, _)| o.clone())
            } else {
                None
            }
        });
        if let Ok(Some(obj)) = here {
            return Ok(obj);
        }
    }
    Ok(proxy_of(cap, vm)?)
}

/// A guest object that is not data, leaving this sandbox: a proxy becomes the
/// capability it stands for (unwrapping); anything else is handed out as a
/// capability to this sandbox's object (the same one each time it leaves).
pub(crate) fn cap_from_guest(obj: &PyObject, vm: &VirtualMachine) -> Option<Value> {
    if let Some(p) = obj.downcast_ref::<Proxy>() {
        let table = table(vm).ok()?;
        // A revoked proxy still crosses; using it fails on the other side.
        let key = table.origin(p.key).unwrap_or(p.key);
        return Some(Value::Cap(CapHandle { key, table }));
    }
    with_state(vm, |s| {
        let identity = obj as *const PyObject as usize;
        if let Some(key) = s
            .exported
            .get(&identity)
            .and_then(|id| s.exports.get(id))
            .map(|(_, key)| *key)
            .filter(|key| s.table.is_live(*key))
        {
            return Value::Cap(CapHandle {
                key,
                table: s.table.clone(),
            });
        }
        s.sweep();
        let export = s.next_export;
        s.next_export += 1;
        let mut label: String = obj.class().name().chars().take(60).collect();
        if label.is_empty() {
            label.push('?');
        }
        let handle = s.table.insert_owned(
            Arc::new(GuestObject {
                link: s.link.clone(),
                export,
                label,
            }),
            Filter::public(),
            Some(s.membrane),
        );
        s.exports.insert(export, (obj.to_owned(), handle.key));
        s.exported.insert(identity, export);
        Value::Cap(handle)
    })
    .ok()
}

/// Converts a guest object into an argument for the host or another sandbox.
pub(crate) fn arg_from_guest(obj: &PyObjectRef, vm: &VirtualMachine) -> Result<Arg, CrossingError> {
    let limits = with_state(vm, |s| s.limits.clone()).unwrap_or_default();
    Ok(Arg::from_value(from_guest(obj, vm, &limits)?))
}

/// Converts a host result for the guest.
pub(crate) fn arg_to_guest(arg: Arg, vm: &VirtualMachine) -> PyResult {
    let v = arg.into_value();
    let limits = with_state(vm, |s| s.limits.clone())?;
    check_host_value(&v, &limits).map_err(|e| vm.new_value_error(e.to_string()))?;
    to_guest(&v, vm).map_err(|e| match e {
        CrossingError::Capability(c) => cap_error(vm, c),
        e => vm.new_value_error(e.to_string()),
    })
}

/// Converts for the guest what it reached through a capability whose filter is
/// `via`: every capability in it passes at most what `via` passes (transitive
/// attenuation, SPEC §3.7).
fn arg_to_guest_via(arg: Arg, via: &Filter, vm: &VirtualMachine) -> PyResult {
    let arg = table(vm)?
        .narrow_arg(arg, via)
        .map_err(|e| cap_error(vm, e))?;
    arg_to_guest(arg, vm)
}

/// The guest's arguments to a call through a capability whose filter is
/// `via`: every capability among them (a callback of its own, or any object it
/// holds, whoever owns it) is handed out so that what its callee passes it is
/// narrowed by `via` too: the owner calling `cb(self)`, or storing `self` in an
/// object the guest can read, gives the holder no more than its grant
/// (SPEC §3.7).
fn inbound_args(
    (args, kwargs): (Vec<Arg>, Kwargs),
    via: &Filter,
    vm: &VirtualMachine,
) -> PyResult<(Vec<Arg>, Kwargs)> {
    if *via == Filter::public() {
        return Ok((args, kwargs));
    }
    let Some(holder) = crate::inbox::current_sandbox() else {
        return Ok((args, kwargs));
    };
    let table = table(vm)?;
    let inbound = |a: Arg| {
        table
            .inbound_value(a.into_value(), via, Some(holder))
            .map(Arg::from_value)
            .map_err(|e| cap_error(vm, e))
    };
    let args = args.into_iter().map(inbound).collect::<PyResult<_>>()?;
    let mut keywords = Kwargs::new();
    for (name, value) in kwargs {
        keywords.push_unique(name, inbound(value)?);
    }
    Ok((args, keywords))
}

/// Serves a use of object `export` of this sandbox, on its thread.
pub(crate) fn serve_invoke(
    vm: &VirtualMachine,
    export: u64,
    op: Op,
    sources: &std::cell::RefCell<SourceCache>,
    tripwire: &Tripwire,
) -> Outcome {
    let found = with_state(vm, |s| {
        s.exports
            .get(&export)
            .filter(|(_, key)| s.table.is_live(*key))
            .map(|(o, _)| o.clone())
            .map(|o| (o, s.limits.clone()))
    });
    let Ok(Some((obj, limits))) = found else {
        return Err(CapError::Revoked.into());
    };
    let fail = |exc: rustpython_vm::builtins::PyBaseExceptionRef| -> GuestError {
        tripwire
            .reason()
            .unwrap_or_else(|| wrap_exception(vm, &exc, &sources.borrow()))
    };
    let args_in = |args: Vec<Value>,
                   kwargs: Vec<(String, Value)>|
     -> Result<FuncArgs, GuestError> {
        super::convert::check_host_call(&args, &kwargs, &limits)?;
        let positional = args.iter().map(|a| to_guest(a, vm)).collect::<Result<Vec<_>, _>>()?;
        let keywords = kwargs
            .into_iter()
            .map(|(k, v)| Ok((k, to_guest(&v, vm)?)))
            .collect::<Result<_, GuestError>>()?;
        Ok(FuncArgs::new(positional, rustpython_vm::function::KwArgs::new(keywords)))
    };
    let attr = |name: &str| -> Result<PyObjectRef, GuestError> {
        obj.get_attr(&*vm.ctx.new_str(name), vm).map_err(|e| {
            if e.fast_isinstance(vm.ctx.exceptions.attribute_error) && !tripwire.is_tripped() {
                CapError::NotPermitted {
                    name: name.to_owned(),
                }
                .into()
            } else {
                fail(e)
            }
        })
    };
    let out = |v: &PyObject| -> Outcome { Ok(from_guest(v, vm, &limits)?) };
    match op {
        Op::Call(args, kwargs) => {
            let args = args_in(args, kwargs)?;
            let result = obj.call(args, vm).map_err(fail)?;
            out(&result)
        }
        Op::CallMethod(name, args, kwargs) => {
            let method = attr(&name)?;
            let args = args_in(args, kwargs)?;
            let result = method.call(args, vm).map_err(fail)?;
            out(&result)
        }
        Op::Get(name) => {
            let value = attr(&name)?;
            // A method is called by name; a capability this object holds (a
            // proxy, callable or not) is handed over as itself, so the reader
            // can use it as an object (`o.sink.put(x)`).
            if value.is_callable() && value.downcast_ref::<Proxy>().is_none() {
                Ok(Value::Tuple(vec![Value::Bool(true)]))
            } else {
                Ok(Value::Tuple(vec![Value::Bool(false), out(&value)?]))
            }
        }
        Op::Dir => {
            let names = vm.dir(Some(obj)).map_err(fail)?;
            let names = names
                .borrow_vec()
                .iter()
                .filter_map(|n| {
                    n.downcast_ref::<PyStr>()
                        .map(|s| s.to_string_lossy().into_owned())
                })
                .map(Value::Str)
                .collect();
            Ok(Value::List(names))
        }
    }
}

/// A guest's call arguments, as they cross: positional, then keyword, read
/// as one value under the sandbox's data limits (keyword names count).
fn guest_args(args: FuncArgs, vm: &VirtualMachine) -> PyResult<(Vec<Arg>, Kwargs)> {
    let limits = with_state(vm, |s| s.limits.clone()).unwrap_or_default();
    let kwargs: Vec<(String, PyObjectRef)> = args.kwargs.into_iter().collect();
    let (positional, named) = super::convert::call_from_guest(&args.args, &kwargs, vm, &limits)
        .map_err(|e| vm.new_type_error(format!("cannot pass this to a capability: {e}")))?;
    let mut keywords = Kwargs::new();
    for (name, value) in named {
        keywords.push_unique(name, Arg::from_value(value));
    }
    Ok((positional.into_iter().map(Arg::from_value).collect(), keywords))
}

/// The error for pickling or copying a capability (`copy`, `pickle`, `__reduce__`).
fn not_copyable(vm: &VirtualMachine) -> rustpython_vm::builtins::PyBaseExceptionRef {
    vm.new_type_error("capabilities cannot be pickled or copied")
}

/// A capability, as a guest sees it.
#[pyclass(module = false, name = "capability")]
#[derive(Debug, PyPayload)]
pub(crate) struct Proxy {
    key: CapKey,
}

crate::guest::refuse_construction!(Proxy);
crate::guest::refuse_construction!(BoundMethod);

#[pyclass(
    flags(IMMUTABLETYPE),
    with(
        Constructor,
        GetAttr,
        SetAttr,
        Callable,
        Representable,
        AsMapping,
        AsSequence,
        AsNumber,
        Iterable,
        IterNext
    )
)]
impl Proxy {
    /// `with capability:` forwards `__enter__` (if the filter passes it).
    #[pymethod]
    fn __enter__(zelf: PyObjectRef, vm: &VirtualMachine) -> PyResult {
        forward(&zelf, "__enter__", Vec::new(), vm)
    }

    /// The end of a `with` block forwards `__exit__` with data only: the
    /// exception's class name and `str()`, or `None`s, and `None` for the
    /// traceback (a guest's exception object does not cross). A true result
    /// suppresses the exception, as in Python.
    #[pymethod]
    fn __exit__(
        zelf: PyObjectRef,
        exc_type: PyObjectRef,
        exc: PyObjectRef,
        _traceback: PyObjectRef,
        vm: &VirtualMachine,
    ) -> PyResult {
        let (name, message): (PyObjectRef, PyObjectRef) = if vm.is_none(&exc_type) {
            (vm.ctx.none(), vm.ctx.none())
        } else {
            let name = exc_type
                .downcast_ref::<rustpython_vm::builtins::PyType>()
                .map(|t| t.name().to_string())
                .unwrap_or_default();
            let message = exc.str(vm).map(|s| s.as_wtf8().to_string()).unwrap_or_default();
            (vm.ctx.new_str(name).into(), vm.ctx.new_str(message).into())
        };
        forward(&zelf, "__exit__", vec![name, message, vm.ctx.none()], vm)
    }

    #[pymethod]
    fn __dir__(&self, vm: &VirtualMachine) -> PyResult {
        let (target, filter) = table(vm)?.resolve(self.key).map_err(|e| cap_error(vm, e))?;
        let mut names: Vec<String> = target
            .names()
            .into_iter()
            .filter(|n| filter.permits(n))
            .collect();
        names.sort();
        Ok(vm
            .ctx
            .new_list(
                names
                    .into_iter()
                    .map(|n| vm.ctx.new_str(n).into())
                    .collect(),
            )
            .into())
    }

    #[pymethod]
    fn __reduce__(&self, vm: &VirtualMachine) -> PyResult {
        Err(not_copyable(vm))
    }

    #[pymethod]
    fn __reduce_ex__(&self, _protocol: PyObjectRef, vm: &VirtualMachine) -> PyResult {
        Err(not_copyable(vm))
    }
}

impl GetAttr for Proxy {
    fn getattro(zelf: &Py<Self>, name: &Py<PyStr>, vm: &VirtualMachine) -> PyResult {
        let n = name.to_string_lossy();
        if n.starts_with("__") && n.ends_with("__") {
            // Python's own protocol names resolve on the proxy type only.
            return zelf.as_object().generic_getattr(name, vm);
        }
        let (target, filter) = table(vm)?.resolve(zelf.key).map_err(|e| cap_error(vm, e))?;
        if !filter.permits(&n) {
            audit::refused(holder, || target.label().to_owned(), &n);
            return Err(cap_error(
                vm,
                CapError::NotPermitted {
                    name: n.into_owned(),
                },
            ));
        }
        let member = audit::invoke("get", holder, || target.label().to_owned(), &n, || target.get(&n));
        match member.map_err(|e| cap_error(vm, e))? {
            Member::Method => Ok(BoundMethod {
                key: zelf.key,
                name: n.into_owned(),
            }
            .into_ref(&vm.ctx)
            .into()),
            Member::Value(v) => arg_to_guest_via(v, &filter, vm),
        }
    }
}

/// The party using a capability from this thread (for the audit log).
fn holder() -> Party {
    crate::inbox::current_sandbox().map_or(Party::Host, Party::Sandbox)
}

/// Forwards protocol method `name` (one of `caps::PROTOCOLS`) of the proxy
/// `obj` to its object, if the capability's filter passes the name and the
/// object offers it; otherwise `TypeError`, the same whichever is missing.
/// Arguments and the result cross as for any method call.
fn forward(obj: &PyObject, name: &str, args: Vec<PyObjectRef>, vm: &VirtualMachine) -> PyResult {
    match forward_raw(obj, name, args, vm)? {
        Ok(result) => Ok(result),
        Err(CapError::NotPermitted { .. }) => Err(unsupported(name, vm)),
        Err(e) => Err(cap_error(vm, e)),
    }
}

fn unsupported(name: &str, vm: &VirtualMachine) -> rustpython_vm::builtins::PyBaseExceptionRef {
    vm.new_type_error(format!("this capability does not support {name}"))
}

/// [`forward`], with a failure left as a `CapError` (`NotPermitted` when the
/// filter does not pass the name or the object does not offer it; for
/// `__next__`, a `StopIteration` ends an iteration).
fn forward_raw(
    obj: &PyObject,
    name: &str,
    args: Vec<PyObjectRef>,
    vm: &VirtualMachine,
) -> PyResult<Result<PyObjectRef, CapError>> {
    let zelf = obj
        .downcast_ref::<Proxy>()
        .ok_or_else(|| vm.new_type_error("not a capability"))?;
    let (target, filter) = table(vm)?.resolve(zelf.key).map_err(|e| cap_error(vm, e))?;
    if !filter.permits(name) {
        audit::refused(holder, || target.label().to_owned(), name);
        return Ok(Err(CapError::NotPermitted {
            name: name.to_owned(),
        }));
    }
    let call = FuncArgs::new(args, rustpython_vm::function::KwArgs::default());
    let (args, kwargs) = inbound_args(guest_args(call, vm)?, &filter, vm)?;
    let result = audit::invoke("call", holder, || target.label().to_owned(), name, || {
        target.call_method(name, args, kwargs)
    });
    match result {
        Ok(result) => Ok(Ok(arg_to_guest_via(result, &filter, vm)?)),
        Err(e) => Ok(Err(e)),
    }
}

fn forwarded_len(obj: &PyObject, vm: &VirtualMachine) -> PyResult<usize> {
    let n = forward(obj, "__len__", Vec::new(), vm)?;
    let n = n.try_index(vm)?;
    n.as_bigint()
        .try_into()
        .map_err(|_| vm.new_value_error("__len__() should return >= 0"))
}

impl AsMapping for Proxy {
    fn as_mapping() -> &'static PyMappingMethods {
        static AS_MAPPING: PyMappingMethods = PyMappingMethods {
            length: Some(|mapping, vm| forwarded_len(mapping.obj, vm)),
            subscript: Some(|mapping, key, vm| {
                forward(mapping.obj, "__getitem__", vec![key.to_owned()], vm)
            }),
            ..PyMappingMethods::NOT_IMPLEMENTED
        };
        &AS_MAPPING
    }
}

impl AsSequence for Proxy {
    fn as_sequence() -> &'static PySequenceMethods {
        static AS_SEQUENCE: PySequenceMethods = PySequenceMethods {
            length: Some(|seq, vm| forwarded_len(seq.obj, vm)),
            contains: Some(|seq, needle, vm| {
                forward(seq.obj, "__contains__", vec![needle.to_owned()], vm)?.try_to_bool(vm)
            }),
            ..PySequenceMethods::NOT_IMPLEMENTED
        };
        &AS_SEQUENCE
    }
}

impl AsNumber for Proxy {
    fn as_number() -> &'static PyNumberMethods {
        // A capability is true: its truth is not forwarded (that would cost a
        // call into its owner at every `if cap:`).
        static AS_NUMBER: PyNumberMethods = PyNumberMethods {
            boolean: Some(|_, _| Ok(true)),
            ..PyNumberMethods::NOT_IMPLEMENTED
        };
        &AS_NUMBER
    }
}

impl Iterable for Proxy {
    fn iter(zelf: rustpython_vm::PyRef<Self>, vm: &VirtualMachine) -> PyResult {
        let it = match forward_raw(zelf.as_object(), "__iter__", Vec::new(), vm)? {
            Ok(it) => it,
            Err(CapError::NotPermitted { .. }) => {
                // An iterator without `__iter__` (a host iterator offers
                // `__next__` only) is its own iterator, as in Python.
                let (target, filter) =
                    table(vm)?.resolve(zelf.key).map_err(|e| cap_error(vm, e))?;
                if filter.permits("__next__") && target.names().iter().any(|n| n == "__next__") {
                    return Ok(zelf.into());
                }
                return Err(unsupported("__iter__", vm));
            }
            Err(e) => return Err(cap_error(vm, e)),
        };
        if it.downcast_ref::<Proxy>().is_some() {
            // An iterator capability: `next()` forwards `__next__`.
            Ok(it)
        } else {
            // Data (a list the object copied out): iterated here.
            Ok(it.get_iter(vm)?.into())
        }
    }
}

impl IterNext for Proxy {
    fn next(zelf: &Py<Self>, vm: &VirtualMachine) -> PyResult<PyIterReturn> {
        match forward_raw(zelf.as_object(), "__next__", Vec::new(), vm)? {
            Ok(item) => Ok(PyIterReturn::Return(item)),
            Err(CapError::NotPermitted { .. }) => Err(unsupported("__next__", vm)),
            Err(CapError::StopIteration) => Ok(PyIterReturn::StopIteration(None)),
            Err(CapError::Raised { type_name, .. }) if type_name == "StopIteration" => {
                Ok(PyIterReturn::StopIteration(None))
            }
            Err(e) => Err(cap_error(vm, e)),
        }
    }
}

impl SetAttr for Proxy {
    fn setattro(
        _zelf: &Py<Self>,
        name: &Py<PyStr>,
        _value: PySetterValue,
        vm: &VirtualMachine,
    ) -> PyResult<()> {
        Err(vm.new_attribute_error(format!(
            "capabilities are read-only: cannot set or delete '{}'",
            name.to_string_lossy()
        )))
    }
}

impl Callable for Proxy {
    type Args = FuncArgs;
    fn call(zelf: &Py<Self>, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        let (target, filter) = table(vm)?.resolve(zelf.key).map_err(|e| cap_error(vm, e))?;
        let (args, kwargs) = inbound_args(guest_args(args, vm)?, &filter, vm)?;
        let result = audit::invoke("call", holder, || target.label().to_owned(), "__call__", || {
            target.call(args, kwargs)
        })
        .map_err(|e| cap_error(vm, e))?;
        arg_to_guest_via(result, &filter, vm)
    }
}

impl Representable for Proxy {
    fn repr_str(zelf: &Py<Self>, vm: &VirtualMachine) -> PyResult<String> {
        Ok(match table(vm)?.resolve(zelf.key) {
            Ok((target, _)) => format!("<{} capability>", target.label()),
            Err(_) => "<revoked capability>".to_owned(),
        })
    }
}

/// A method of a capability, bound to it. Revocation and filters are checked
/// again when it is called.
#[pyclass(module = false, name = "capability_method")]
#[derive(Debug, PyPayload)]
pub(crate) struct BoundMethod {
    key: CapKey,
    name: String,
}

#[pyclass(flags(IMMUTABLETYPE), with(Constructor, Callable, Representable))]
impl BoundMethod {
    #[pymethod]
    fn __reduce__(&self, vm: &VirtualMachine) -> PyResult {
        Err(not_copyable(vm))
    }

    #[pymethod]
    fn __reduce_ex__(&self, _protocol: PyObjectRef, vm: &VirtualMachine) -> PyResult {
        Err(not_copyable(vm))
    }
}

impl Callable for BoundMethod {
    type Args = FuncArgs;
    fn call(zelf: &Py<Self>, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        let (target, filter) = table(vm)?.resolve(zelf.key).map_err(|e| cap_error(vm, e))?;
        if !filter.permits(&zelf.name) {
            audit::refused(holder, || target.label().to_owned(), &zelf.name);
            return Err(cap_error(
                vm,
                CapError::NotPermitted {
                    name: zelf.name.clone(),
                },
            ));
        }
        let (args, kwargs) = inbound_args(guest_args(args, vm)?, &filter, vm)?;
        let result = audit::invoke("call", holder, || target.label().to_owned(), &zelf.name, || {
            target.call_method(&zelf.name, args, kwargs)
        })
        .map_err(|e| cap_error(vm, e))?;
        arg_to_guest_via(result, &filter, vm)
    }
}

impl Representable for BoundMethod {
    fn repr_str(zelf: &Py<Self>, _vm: &VirtualMachine) -> PyResult<String> {
        Ok(format!("<capability method {}>", zelf.name))
    }
}
