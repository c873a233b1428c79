//! The `pyocap` module: trusted Python code as the master of sandboxes.
//!
//! A sandbox whose policy allows it ([`Policy::allow_master_module`]) can
//! `import pyocap` and create slave sandboxes on the same runtime, grant them its
//! own objects (each becomes a capability, filtered), run code in them and call
//! their functions. Nothing crosses but copies and capabilities, exactly as
//! between a Rust host and a guest; a slave's calls into the master's objects
//! run on the master's thread while the master waits, so calls may nest in both
//! directions.

use crate::runtime::Runtime;
use crate::error::GuestError;
use crate::guest;
use crate::policy::Policy;
use crate::sandbox::Sandbox;
use crate::caps::Filter;
use crate::membrane::proxy;
use crate::value::Value;
use rustpython_vm::builtins::{PyBaseExceptionRef, PyStr, PyTypeRef};
use rustpython_vm::class::PyClassImpl;
use rustpython_vm::function::FuncArgs;
use rustpython_vm::types::{Constructor, Representable};
use rustpython_vm::{pyclass, AsObject, Py, PyObjectRef, PyPayload, PyResult, VirtualMachine};
use std::cell::RefCell;
use std::time::Duration;

struct MasterState {
    runtime: Runtime,
    guest_error: PyTypeRef,
}

thread_local! {
    static MASTER: RefCell<Option<MasterState>> = const { RefCell::new(None) };
}

/// Builds the `pyocap` module for this (master) sandbox.
pub(crate) fn install(vm: &VirtualMachine, runtime: &Runtime) -> PyResult<()> {
    PySandbox::make_static_type();
    PyPool::make_static_type();
    let guest_error = vm.ctx.new_exception_type("pyocap", "GuestError", None);
    let dict = vm.ctx.new_dict();
    dict.set_item("Sandbox", PySandbox::class(&vm.ctx).to_owned().into(), vm)?;
    dict.set_item("Pool", PyPool::class(&vm.ctx).to_owned().into(), vm)?;
    dict.set_item("GuestError", guest_error.clone().into(), vm)?;
    let module = vm.new_module("pyocap", dict, None);
    guest::provide_module("pyocap", module.into());
    MASTER.with(|m| {
        *m.borrow_mut() = Some(MasterState {
            runtime: runtime.clone(),
            guest_error,
        })
    });
    Ok(())
}

/// Drops the module's state (on the master's thread, before its interpreter).
pub(crate) fn clear() {
    let state = MASTER.with(|m| m.borrow_mut().take());
    drop(state);
}

fn state<R>(vm: &VirtualMachine, f: impl FnOnce(&MasterState) -> R) -> PyResult<R> {
    MASTER.with(|m| match m.borrow().as_ref() {
        Some(s) => Ok(f(s)),
        None => Err(vm.new_runtime_error("pyocap is not available")),
    })
}

/// `pyocap.GuestError`, with string attributes `type_name`, `message` and
/// `traceback` (computed inside the slave).
fn guest_error(vm: &VirtualMachine, e: GuestError) -> PyBaseExceptionRef {
    let (type_name, message, traceback) = match &e {
        GuestError::Exception {
            type_name,
            message,
            traceback,
        } => (type_name.clone(), message.clone(), traceback.clone()),
        other => (other.kind().to_owned(), other.to_string(), String::new()),
    };
    let class = match state(vm, |s| s.guest_error.clone()) {
        Ok(c) => c,
        Err(e) => return e,
    };
    let exc = vm.new_exception_msg(class, format!("{type_name}: {message}").into());
    for (name, value) in [
        ("type_name", type_name),
        ("message", message),
        ("traceback", traceback),
    ] {
        let _ = exc.as_object().set_attr(name, vm.ctx.new_str(value), vm);
    }
    exc
}

fn to_master(v: Value, vm: &VirtualMachine) -> PyResult {
    proxy::arg_to_guest(crate::caps::Arg::from_value(v), vm)
}

fn from_master(obj: &PyObjectRef, vm: &VirtualMachine) -> PyResult<Value> {
    proxy::arg_from_guest(obj, vm)
        .map(crate::caps::Arg::into_value)
        .map_err(|e| vm.new_type_error(e.to_string()))
}

fn strings(obj: &PyObjectRef, what: &str, vm: &VirtualMachine) -> PyResult<Vec<String>> {
    let items: Vec<PyObjectRef> = obj.try_to_value(vm)?;
    items
        .iter()
        .map(|n| {
            n.downcast_ref::<PyStr>()
                .map(|s| s.to_string_lossy().into_owned())
                .ok_or_else(|| vm.new_type_error(format!("{what} must be a list of str")))
        })
        .collect()
}

/// A slave sandbox, as its master sees it.
#[pyclass(module = "pyocap", name = "Sandbox")]
#[derive(Debug, PyPayload)]
pub(crate) struct PySandbox {
    inner: Sandbox,
}

/// The keyword arguments `Sandbox()` and `Pool()` share, as a policy, and
/// the value of the one keyword of `what`'s own (`extra`), if given.
fn policy_from_kwargs(
    what: &str,
    kwargs: impl IntoIterator<Item = (String, PyObjectRef)>,
    extra: &str,
    vm: &VirtualMachine,
) -> PyResult<(Policy, Option<PyObjectRef>)> {
    let config = |e: crate::error::ConfigError| vm.new_value_error(e.to_string());
    // `builtins=` replaces the default builtins only, wherever it comes among
    // the keywords: it is applied first.
    let mut kwargs: Vec<(String, PyObjectRef)> = kwargs.into_iter().collect();
    let mut policy = Policy::new();
    if let Some(at) = kwargs.iter().position(|(k, _)| k == "builtins") {
        let (_, value) = kwargs.remove(at);
        policy = Policy::empty();
        for name in strings(&value, "builtins", vm)? {
            policy.allow_builtin(&name).map_err(config)?;
        }
    }
    let mut own = None;
    for (key, value) in kwargs {
        let none = vm.is_none(&value);
        match key.as_str() {
            "imports" => {
                for name in strings(&value, "imports", vm)? {
                    policy.allow_import(&name).map_err(config)?;
                }
            }
            "timeout" if none => {
                policy.deadline(None);
            }
            "timeout" => {
                let secs = value.try_float(vm)?.to_f64();
                let d = Duration::try_from_secs_f64(secs).map_err(|_| {
                    vm.new_value_error("timeout must be a positive number of seconds")
                })?;
                policy.deadline(Some(d));
            }
            "memory" if none => {
                policy.max_memory(None).map_err(config)?;
            }
            "memory" => {
                let bytes: usize = value.try_to_value(vm)?;
                policy.max_memory(Some(bytes)).map_err(config)?;
            }
            "max_output" => {
                let bytes: usize = value.try_to_value(vm)?;
                policy.max_output(bytes);
            }
            "fuel" if none => {
                policy.fuel(None);
            }
            "fuel" => {
                let units: u64 = value.try_to_value(vm)?;
                policy.fuel(Some(units));
            }
            other if other == extra => own = Some(value),
            other => {
                return Err(vm.new_type_error(format!(
                    "{what}() got an unexpected keyword argument '{other}'"
                )))
            }
        }
    }
    Ok((policy, own))
}

impl Constructor for PySandbox {
    type Args = FuncArgs;
    fn py_new(
        _cls: &Py<rustpython_vm::builtins::PyType>,
        args: FuncArgs,
        vm: &VirtualMachine,
    ) -> PyResult<Self> {
        if !args.args.is_empty() {
            return Err(vm.new_type_error(
                "Sandbox() takes keyword arguments only: builtins, imports, grants, timeout, fuel, memory, max_output",
            ));
        }
        let (policy, grants) = policy_from_kwargs("Sandbox", args.kwargs, "grants", vm)?;
        let runtime = state(vm, |s| s.runtime.clone())?;
        let inner = runtime
            .sandbox(&policy)
            .map_err(|e| vm.new_runtime_error(e.to_string()))?;
        let sandbox = PySandbox { inner };
        sandbox.grant_all(grants, vm)?;
        Ok(sandbox)
    }
}

/// A warm pool of slave sandboxes of one policy, as its master sees it:
/// `pyocap.Pool(size, preload=[...], <the keywords of Sandbox() but grants>)`
/// keeps `size` started in the background (with `preload`'s modules
/// imported); `checkout(grants=None)` hands one out, never reused.
#[pyclass(module = "pyocap", name = "Pool")]
#[derive(Debug, PyPayload)]
pub(crate) struct PyPool {
    inner: crate::pool::SandboxPool,
}

impl Constructor for PyPool {
    type Args = FuncArgs;
    fn py_new(
        _cls: &Py<rustpython_vm::builtins::PyType>,
        args: FuncArgs,
        vm: &VirtualMachine,
    ) -> PyResult<Self> {
        let usage = || {
            vm.new_type_error(
                "Pool(size, preload=None, builtins, imports, timeout, fuel, memory, max_output)",
            )
        };
        let mut it = args.args.into_iter();
        let (Some(size), None) = (it.next(), it.next()) else {
            return Err(usage());
        };
        let size: usize = size.try_to_value(vm).map_err(|_| usage())?;
        let (policy, preload) = policy_from_kwargs("Pool", args.kwargs, "preload", vm)?;
        let preload = match preload.filter(|p| !vm.is_none(p)) {
            Some(p) => strings(&p, "preload", vm)?,
            None => Vec::new(),
        };
        let preload: Vec<&str> = preload.iter().map(String::as_str).collect();
        let runtime = state(vm, |s| s.runtime.clone())?;
        let inner = runtime
            .pool(&policy, size, &preload)
            .map_err(|e| vm.new_value_error(e.to_string()))?;
        Ok(PyPool { inner })
    }
}

#[pyclass(flags(IMMUTABLETYPE), with(Constructor, Representable))]
impl PyPool {
    /// `checkout(grants=None)`: a started sandbox of the pool's policy, with
    /// `grants` given as `Sandbox(grants=...)` gives them; never handed out
    /// again.
    #[pymethod]
    fn checkout(&self, args: FuncArgs, vm: &VirtualMachine) -> PyResult<PySandbox> {
        let usage = || vm.new_type_error("checkout(grants=None)");
        let mut grants = None;
        for (key, value) in args.kwargs {
            match key.as_str() {
                "grants" => grants = Some(value),
                _ => return Err(usage()),
            }
        }
        let mut it = args.args.into_iter();
        if let Some(g) = it.next() {
            if grants.is_some() {
                return Err(usage());
            }
            grants = Some(g);
        }
        if it.next().is_some() {
            return Err(usage());
        }
        let inner = self
            .inner
            .checkout()
            .map_err(|e| vm.new_runtime_error(e.to_string()))?;
        let sandbox = PySandbox { inner };
        sandbox.grant_all(grants, vm)?;
        Ok(sandbox)
    }

    /// How many sandboxes are started and waiting.
    #[pygetset]
    fn ready(&self) -> usize {
        self.inner.ready()
    }

    /// The number of sandboxes the pool keeps started.
    #[pygetset]
    fn size(&self) -> usize {
        self.inner.size()
    }
}

impl Representable for PyPool {
    fn repr_str(_zelf: &Py<Self>, _vm: &VirtualMachine) -> PyResult<String> {
        Ok("<pyocap.Pool>".to_owned())
    }
}

#[pyclass(flags(IMMUTABLETYPE), with(Constructor, Representable))]
impl PySandbox {
    /// `exec(source)`: runs statements in the slave.
    #[pymethod]
    fn exec(&self, source: rustpython_vm::builtins::PyStrRef, vm: &VirtualMachine) -> PyResult<()> {
        self.inner
            .exec(&source.to_string_lossy())
            .map_err(|e| guest_error(vm, e))
    }

    /// `eval(expr)`: evaluates an expression in the slave; data is copied, other
    /// objects come back as proxies.
    #[pymethod]
    fn eval(&self, source: rustpython_vm::builtins::PyStrRef, vm: &VirtualMachine) -> PyResult {
        let v = self
            .inner
            .eval(&source.to_string_lossy())
            .map_err(|e| guest_error(vm, e))?;
        to_master(v, vm)
    }

    /// `call(name, *args)`: calls the slave's global `name`.
    #[pymethod]
    fn call(&self, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        if !args.kwargs.is_empty() {
            return Err(vm.new_type_error("call() takes positional arguments only"));
        }
        let mut it = args.args.into_iter();
        let name = it
            .next()
            .and_then(|n| n.downcast::<PyStr>().ok())
            .ok_or_else(|| vm.new_type_error("call() needs the name of a global as a str"))?;
        let args: Vec<Value> = it.map(|a| from_master(&a, vm)).collect::<PyResult<_>>()?;
        let v = self
            .inner
            .call(&name.to_string_lossy(), &args)
            .map_err(|e| guest_error(vm, e))?;
        to_master(v, vm)
    }

    /// `grant(name, obj, allow=None)`: binds the slave's global `name` to `obj`.
    /// Data is copied; any other object is granted as a capability that passes
    /// its public names, or exactly the names in `allow`.
    #[pymethod]
    fn grant(&self, args: FuncArgs, vm: &VirtualMachine) -> PyResult<()> {
        let usage = || vm.new_type_error("grant(name, obj, allow=None)");
        let mut allow = None;
        for (key, value) in &args.kwargs {
            match key.as_str() {
                "allow" => allow = Some(value.clone()),
                _ => return Err(usage()),
            }
        }
        let mut it = args.args.into_iter();
        let (Some(name), Some(obj)) = (it.next(), it.next()) else {
            return Err(usage());
        };
        if let Some(a) = it.next() {
            allow = Some(a);
        }
        if it.next().is_some() {
            return Err(usage());
        }
        self.grant_one(name, obj, allow, vm)
    }

    /// `revoke()`: revokes everything this slave was ever given, at once.
    #[pymethod]
    fn revoke(&self) {
        self.inner.revoke_all();
    }

    /// `output()`: what the slave printed since the last call.
    #[pymethod]
    fn output(&self) -> String {
        self.inner.take_output()
    }

    /// `set_fuel(units)`: the fuel of each following call into the slave (`None`:
    /// unmetered).
    #[pymethod]
    fn set_fuel(&self, units: Option<u64>, vm: &VirtualMachine) -> PyResult<()> {
        self.inner
            .set_fuel(units)
            .map_err(|e| vm.new_value_error(e.to_string()))
    }

    /// `(consumed, remaining)` of the last call into the slave (`remaining` is
    /// `None` when it was unmetered).
    #[pygetset]
    fn fuel(&self) -> (u64, Option<u64>) {
        let r = self.inner.fuel();
        (r.consumed, r.remaining)
    }

    /// Why the slave was stopped (a limit, ...), or `None`.
    #[pygetset]
    fn stopped(&self) -> Option<String> {
        self.inner.stopped().map(|e| e.to_string())
    }
}

impl PySandbox {
    /// The `grants` of `Sandbox()` and `Pool.checkout()`: a dict of
    /// `name: obj`, or `name: (obj, [allowed names])` when obj is not data
    /// (the same rule as the CLI's GRANTS); any other tuple is data.
    fn grant_all(&self, grants: Option<PyObjectRef>, vm: &VirtualMachine) -> PyResult<()> {
        let Some(grants) = grants.filter(|g| !vm.is_none(g)) else {
            return Ok(());
        };
        let grants = grants
            .downcast::<rustpython_vm::builtins::PyDict>()
            .map_err(|_| vm.new_type_error("grants must be a dict"))?;
        for (name, value) in grants.items_vec() {
            let pair = value
                .downcast_ref::<rustpython_vm::builtins::PyTuple>()
                .filter(|t| t.len() == 2)
                .map(|t| (t[0].clone(), t[1].clone()))
                .filter(|(obj, _)| matches!(from_master(obj, vm), Ok(Value::Cap(_))));
            match pair {
                Some((obj, allow)) => self.grant_one(name, obj, Some(allow), vm)?,
                None => self.grant_one(name, value, None, vm)?,
            }
        }
        Ok(())
    }

    fn grant_one(
        &self,
        name: PyObjectRef,
        obj: PyObjectRef,
        allow: Option<PyObjectRef>,
        vm: &VirtualMachine,
    ) -> PyResult<()> {
        let name = name
            .downcast::<PyStr>()
            .map_err(|_| vm.new_type_error("a grant's name must be a str"))?
            .to_string_lossy()
            .into_owned();
        let allow = match allow {
            Some(a) if !vm.is_none(&a) => Some(strings(&a, "allow", vm)?),
            _ => None,
        };
        match from_master(&obj, vm)? {
            Value::Cap(cap) => {
                let cap = match allow {
                    None => cap,
                    Some(names) => {
                        let filter = Filter::only(names);
                        let own = cap.owner_sandbox().is_some()
                            && cap.owner_sandbox() == crate::inbox::current_sandbox();
                        if own {
                            // The master's own object: it chooses the filter.
                            cap.table.reroot(cap.key, filter)
                        } else {
                            cap.attenuate(&filter)
                        }
                        .map_err(|e| vm.new_value_error(e.to_string()))?
                    }
                };
                self.inner.grant(&name, &cap)
            }
            data => self.inner.set_global(&name, data),
        }
        .map_err(|e| guest_error(vm, e))
    }
}

impl Representable for PySandbox {
    fn repr_str(_zelf: &Py<Self>, _vm: &VirtualMachine) -> PyResult<String> {
        Ok("<pyocap.Sandbox>".to_owned())
    }
}
