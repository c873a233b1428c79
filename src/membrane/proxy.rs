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

use super::{check_host_value, from_guest, to_guest, CrossingError, DataLimits};
use crate::caps::table::{CapKey, CapTable};
use crate::caps::{Arg, CapError, CapHandle};
use rustpython_vm::builtins::{PyStr, PyTypeRef};
use rustpython_vm::class::PyClassImpl;
use rustpython_vm::function::{FuncArgs, PySetterValue};
use rustpython_vm::types::{Callable, Constructor, GetAttr, Representable, SetAttr};
use rustpython_vm::{pyclass, AsObject, Py, PyObjectRef, PyPayload, PyResult, VirtualMachine};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

/// This sandbox thread's side of the membrane.
pub(crate) struct MembraneState {
    table: Arc<CapTable>,
    membrane: u64,
    limits: DataLimits,
    proxies: HashMap<CapKey, PyObjectRef>,
    revoked_error: PyTypeRef,
    host_error: PyTypeRef,
}

thread_local! {
    static STATE: RefCell<Option<MembraneState>> = const { RefCell::new(None) };
}

/// Sets up the membrane for the sandbox on this thread: the proxy types and the
/// guest exception classes `RevokedError` and `HostError`, bound in `builtins`.
pub(crate) fn install(
    vm: &VirtualMachine,
    table: Arc<CapTable>,
    membrane: u64,
    limits: DataLimits,
) -> PyResult<()> {
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

/// The guest exception for a capability error.
fn cap_error(vm: &VirtualMachine, e: CapError) -> rustpython_vm::builtins::PyBaseExceptionRef {
    let msg = e.to_string();
    let class = STATE.with(|s| {
        s.borrow().as_ref().map(|s| match e {
            CapError::Revoked | CapError::WrongRuntime => s.revoked_error.clone(),
            CapError::Failed(_) => s.host_error.clone(),
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
    let existing = with_state(vm, |s| {
        if s.table.id() != cap.table.id() {
            return Err(CapError::WrongRuntime);
        }
        // A proxy whose membrane entry was revoked is dead; a new grant of the
        // same capability makes a new one.
        Ok(s.proxies
            .get(&cap.key)
            .filter(|p| {
                p.downcast_ref::<Proxy>()
                    .is_some_and(|p| s.table.is_live(p.key))
            })
            .cloned())
    })?
    .map_err(|e| cap_error(vm, e))?;
    if let Some(p) = existing {
        return Ok(p);
    }
    let (table, membrane) = with_state(vm, |s| (s.table.clone(), s.membrane))?;
    let key = table
        .derive(cap.key, None, Some(membrane))
        .map_err(|e| cap_error(vm, e))?;
    let proxy: PyObjectRef = Proxy { key }.into_ref(&vm.ctx).into();
    with_state(vm, |s| s.proxies.insert(cap.key, proxy.clone()))?;
    Ok(proxy)
}

/// Converts a guest object into an argument for the host: a proxy becomes the
/// capability it stands for (unwrapping), data is copied, anything else is refused.
pub(crate) fn arg_from_guest(obj: &PyObjectRef, vm: &VirtualMachine) -> Result<Arg, CrossingError> {
    if let Some(p) = obj.downcast_ref::<Proxy>() {
        if let Ok(table) = table(vm) {
            // A revoked proxy still crosses; using it fails on the host's side.
            let key = table.origin(p.key).unwrap_or(p.key);
            return Ok(Arg::Cap(CapHandle { key, table }));
        }
    }
    let limits = with_state(vm, |s| s.limits.clone()).unwrap_or_default();
    Ok(Arg::Value(from_guest(obj, vm, &limits)?))
}

/// Converts a host result for the guest.
pub(crate) fn arg_to_guest(arg: Arg, vm: &VirtualMachine) -> PyResult {
    match arg {
        Arg::Value(v) => {
            let limits = with_state(vm, |s| s.limits.clone())?;
            check_host_value(&v, &limits).map_err(|e| vm.new_value_error(e.to_string()))?;
            to_guest(&v, vm).map_err(|e| vm.new_value_error(e.to_string()))
        }
        Arg::Cap(c) => proxy_for(&c, vm),
    }
}

fn guest_args(args: FuncArgs, vm: &VirtualMachine) -> PyResult<Vec<Arg>> {
    if !args.kwargs.is_empty() {
        return Err(vm.new_type_error("capabilities take positional arguments only"));
    }
    args.args
        .iter()
        .map(|a| {
            arg_from_guest(a, vm)
                .map_err(|e| vm.new_type_error(format!("cannot pass this to a capability: {e}")))
        })
        .collect()
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

super::refuse_construction!(Proxy);
super::refuse_construction!(BoundMethod);

#[pyclass(
    flags(IMMUTABLETYPE),
    with(Constructor, GetAttr, SetAttr, Callable, Representable)
)]
impl Proxy {
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
            return Err(cap_error(
                vm,
                CapError::NotPermitted {
                    name: n.into_owned(),
                },
            ));
        }
        if target.is_method(&n) {
            return Ok(BoundMethod {
                key: zelf.key,
                name: n.into_owned(),
            }
            .into_ref(&vm.ctx)
            .into());
        }
        match target.read_field(&n) {
            Some(v) => arg_to_guest(v, vm),
            None => Err(cap_error(
                vm,
                CapError::NotPermitted {
                    name: n.into_owned(),
                },
            )),
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
        let (target, _) = table(vm)?.resolve(zelf.key).map_err(|e| cap_error(vm, e))?;
        let args = guest_args(args, vm)?;
        let result = target.call(args).map_err(|e| cap_error(vm, e))?;
        arg_to_guest(result, vm)
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
            return Err(cap_error(
                vm,
                CapError::NotPermitted {
                    name: zelf.name.clone(),
                },
            ));
        }
        let args = guest_args(args, vm)?;
        let result = target
            .call_method(&zelf.name, args)
            .map_err(|e| cap_error(vm, e))?;
        arg_to_guest(result, vm)
    }
}

impl Representable for BoundMethod {
    fn repr_str(zelf: &Py<Self>, _vm: &VirtualMachine) -> PyResult<String> {
        Ok(format!("<capability method {}>", zelf.name))
    }
}
