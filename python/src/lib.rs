//! `pyocap._pyocap`: pyocap for CPython.
//!
//! A CPython program creates sandboxes (RustPython interpreters on their own
//! threads, governed by a policy), runs guest code in them and grants them its
//! own objects. The membrane is the Rust crate's (SPEC §3): CPython data of the
//! exact built-in types is copied, every other CPython object crosses as a
//! capability (a [`DynamicObject`] whose members are read from the object when
//! a guest asks, through the capability's filter), and a guest object reaches
//! CPython as a [`Capability`], an opaque proxy whose only content is the
//! capability handle. The CPython side never runs a guest's `__repr__`,
//! `__eq__`, `__hash__` or `__del__`: a proxy's repr, equality and hash are its
//! own.
//!
//! Threads: every call into a sandbox releases the GIL while it waits; a
//! guest's call into a CPython object takes the GIL on the sandbox's thread for
//! that call only. While the calling thread waits it runs CPython's signal
//! handlers every 20 ms ([`pyocap_core::interruptible`]), so Ctrl-C stops a
//! running guest and raises `KeyboardInterrupt`.

#![deny(unsafe_code)] // allowed in one module: tstate.rs

use num_bigint::BigInt;
use pyo3::exceptions::{
    PyAttributeError, PyException, PyRuntimeError, PyStopIteration, PyTypeError, PyValueError,
};
use pyo3::prelude::*;
use pyo3::types::{
    PyBool, PyBytes, PyComplex, PyDict, PyFloat, PyFrozenSet, PyInt, PyList, PySet, PyString,
    PyTuple, PyType, PyWeakrefReference,
};
use pyocap_core::{
    Arg, CapError, CapHandle, DynamicObject, Filter, GuestError as CoreError, Kwargs, Member,
    Policy, Runtime, Value,
};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock, Weak};
use std::time::Duration;

mod tstate;

// Memory budgets are counted in the global allocator (of this library's Rust
// code; CPython's own allocations are not a guest's).
#[global_allocator]
static ALLOC: pyocap_core::CountingAllocator = pyocap_core::CountingAllocator::new();

pyo3::create_exception!(
    pyocap,
    GuestError,
    PyException,
    "A call into a sandbox failed: the guest raised, or a limit or a stop ended it. \
     Attributes `type_name`, `message` and `traceback` are strings computed inside the sandbox."
);
pyo3::create_exception!(
    pyocap,
    GuestSyntaxError,
    GuestError,
    "The guest's source did not compile; `lineno` and `offset` locate the error (1-based)."
);
pyo3::create_exception!(
    pyocap,
    LimitExceeded,
    GuestError,
    "A resource limit ended the sandbox (terminal: every later call fails too)."
);
pyo3::create_exception!(pyocap, DeadlineExceeded, LimitExceeded, "The call ran past its deadline.");
pyo3::create_exception!(pyocap, FuelExhausted, LimitExceeded, "The call used up its fuel.");
pyo3::create_exception!(pyocap, MemoryLimit, LimitExceeded, "The guest used more memory than its budget.");
pyo3::create_exception!(pyocap, OutputLimit, LimitExceeded, "The guest printed more than its output budget.");
pyo3::create_exception!(
    pyocap,
    RevokedError,
    PyException,
    "The capability (or the sandbox it came from) has been revoked."
);

/// Nesting deeper than this does not cross as data (the Rust crate's default
/// `DataLimits::max_depth`); a cyclic container ends here too.
const MAX_DEPTH: usize = 100;

/// The process's one runtime: every sandbox of this package lives in it, so a
/// capability one sandbox hands out can be handed to another.
fn runtime() -> &'static Runtime {
    static RUNTIME: OnceLock<Runtime> = OnceLock::new();
    RUNTIME.get_or_init(Runtime::default)
}

// ---------------------------------------------------------------------------
// Errors

/// The Python exception for a failed call into a sandbox.
fn guest_error(py: Python<'_>, e: CoreError) -> PyErr {
    let (type_name, message, traceback) = match &e {
        CoreError::Exception {
            type_name,
            message,
            traceback,
        } => (type_name.clone(), message.clone(), traceback.clone()),
        other => (other.kind().to_owned(), other.to_string(), String::new()),
    };
    let text = format!("{type_name}: {message}");
    let err = match &e {
        CoreError::Syntax { .. } => GuestSyntaxError::new_err(text),
        CoreError::DeadlineExceeded { .. } => DeadlineExceeded::new_err(text),
        CoreError::FuelExhausted { .. } => FuelExhausted::new_err(text),
        CoreError::MemoryLimit { .. } => MemoryLimit::new_err(text),
        CoreError::OutputLimit { .. } => OutputLimit::new_err(text),
        CoreError::Cap(c) => return cap_error(py, c.clone()),
        _ => GuestError::new_err(text),
    };
    let value = err.value(py);
    let _ = value.setattr("type_name", type_name);
    let _ = value.setattr("message", message);
    let _ = value.setattr("traceback", traceback);
    if let CoreError::Syntax { line, column, .. } = e {
        let _ = value.setattr("lineno", line);
        let _ = value.setattr("offset", column);
    }
    err
}

/// The Python exception for a failed use of a capability.
fn cap_error(py: Python<'_>, e: CapError) -> PyErr {
    match e {
        CapError::Revoked => RevokedError::new_err(e.to_string()),
        CapError::NotPermitted { name } => {
            PyAttributeError::new_err(format!("'{name}' is not available on this capability"))
        }
        CapError::StopIteration => PyStopIteration::new_err(()),
        // A guest iterator ends with the guest's StopIteration: the end of
        // the iteration here too (its value does not cross).
        CapError::Raised { type_name, .. } if type_name == "StopIteration" => {
            PyStopIteration::new_err(())
        }
        CapError::Raised {
            type_name,
            message,
            traceback,
        } => guest_error(
            py,
            CoreError::Exception {
                type_name,
                message,
                traceback,
            },
        ),
        CapError::Stopped(g) => guest_error(py, *g),
        CapError::WrongRuntime => PyValueError::new_err(e.to_string()),
        CapError::Failed(m) => PyRuntimeError::new_err(m),
        other => PyTypeError::new_err(other.to_string()),
    }
}

/// What a guest gets for a CPython exception raised by a granted object: a
/// fresh exception of the same name (the guest's own built-in class of that
/// name, or `HostError`) carrying the message only; no traceback, no object.
fn to_cap_error(py: Python<'_>, e: PyErr) -> CapError {
    if e.is_instance_of::<PyStopIteration>(py) {
        return CapError::StopIteration;
    }
    let class = e.get_type(py);
    // Cut on the CPython side before the copy (made on the sandbox's thread,
    // under the guest's budget): 16 KiB of text at most, as a guest's own.
    let message = e
        .value(py)
        .str()
        .and_then(|s| match s.len() {
            Ok(n) if n > 4096 => s
                .get_item(pyo3::types::PySlice::new(py, 0, 4096, 1))
                .and_then(|cut| cut.str()),
            _ => Ok(s),
        })
        .map(|s| s.to_string())
        .unwrap_or_else(|_| "<the exception's str() failed>".to_owned());
    let builtin = class
        .module()
        .is_ok_and(|m| m.to_str().is_ok_and(|m| m == "builtins"));
    if !builtin {
        // The host's own exception classes stay the host's: the guest gets
        // `HostError` with the message.
        return CapError::Failed(message);
    }
    let type_name: String = class
        .name()
        .map(|n| n.to_string().chars().take(200).collect())
        .unwrap_or_else(|_| "Exception".to_owned());
    CapError::Raised {
        type_name,
        message,
        traceback: String::new(),
    }
}

// ---------------------------------------------------------------------------
// CPython objects as capabilities

/// Objects of the interpreter's own machinery never cross: a module, a frame,
/// a traceback, a code object or a cell gives whoever holds it the globals,
/// builtins and locals behind it, which no name filter can take away (a frame
/// reached through a generator's public `gi_frame` would hand out
/// `f_builtins`). The check is by type, on every CPython object about to
/// become a capability.
fn refuse_internals(py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<()> {
    static KINDS: OnceLock<Vec<Py<PyType>>> = OnceLock::new();
    let kinds = match KINDS.get() {
        Some(k) => k,
        None => {
            let types = py.import("types")?;
            let mut v = Vec::new();
            for name in [
                "ModuleType",
                "FrameType",
                "TracebackType",
                "CodeType",
                "CellType",
            ] {
                v.push(types.getattr(name)?.cast_into::<PyType>()?.unbind());
            }
            let _ = KINDS.set(v);
            KINDS.get().expect("just set")
        }
    };
    for kind in kinds {
        if obj.is_instance(kind.bind(py))? {
            let name = kind.bind(py).name()?.to_string();
            return Err(PyTypeError::new_err(format!(
                "a {name} object cannot cross the membrane (it would carry the interpreter's namespaces)"
            )));
        }
    }
    Ok(())
}

/// How a CPython object comes to cross into a sandbox.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Crossing {
    /// The host hands it over itself (`grant`, `call`, the arguments of a
    /// call of a `Capability`): it crosses with its public names.
    Explicit,
    /// A CPython object gave it to the guest (a method's result, an
    /// attribute's value): it crosses with the authority the host gave it
    /// explicitly in this sandbox, or as an opaque token.
    Implicit,
    /// What a granted object's `__iter__` returned: an iterator the guest
    /// can only step (`__iter__`, `__next__`).
    Iterator,
}

/// One CPython object a sandbox was given, and its root capabilities.
struct Held {
    obj: Py<PyAny>,
    /// One root per filter (`None`: public; `Some(names)`: exactly those),
    /// all to one target, so a guest sees one proxy per object and filter.
    roots: HashMap<Option<Vec<String>>, CapHandle>,
    /// How it crosses when a CPython object hands it out (a result): the
    /// narrowest of what the host granted explicitly, or an opaque token.
    implicit: Option<CapHandle>,
    /// Whether the host handed it over itself (then a guest may call it).
    callable: bool,
    /// Its shallow size (`sys.getsizeof`), counted against the budget.
    size: usize,
}

/// The CPython objects one [`Sandbox`] was given (granted, passed in, or
/// handed to its guest by a CPython object), with their root capabilities.
/// Closing the sandbox revokes them all and lets the objects go.
///
/// The rule for what a guest reaches (SPEC §3.10): only the objects the host
/// hands over itself get their public names. An object a CPython object gives
/// the guest (a method's result, an attribute's value) that the host never
/// granted in this sandbox crosses as an opaque token: the guest can hold it
/// and hand it back, and reach nothing through it. CPython's own objects
/// carry authority under public names (an event loop's `subprocess_shell`, a
/// logger's `manager`, `functools.partial.func`, a dict view's `mapping`);
/// no name filter over them can know that, so none of them is reachable
/// unless the host grants it.
struct Registry {
    held: Mutex<HashMap<usize, Held>>,
    /// The shallow sizes of the objects held: with the guest's budget, a
    /// bound on the CPython memory a guest keeps alive (a guest calling a
    /// method that returns a fresh object in a loop).
    held_bytes: std::sync::atomic::AtomicUsize,
    /// The guest's memory budget and its sandbox, to bound what a crossing
    /// copies on the sandbox's thread (set once the sandbox exists).
    budget: Mutex<(Option<usize>, Weak<pyocap_core::Sandbox>)>,
}

/// `sys.getsizeof(obj)` (0 if it fails).
fn shallow_size(obj: &Bound<'_, PyAny>) -> usize {
    obj.py()
        .import("sys")
        .and_then(|sys| sys.call_method1("getsizeof", (obj,)))
        .and_then(|n| n.extract())
        .unwrap_or(0)
}

/// The opaque token's filter: it passes no name.
fn opaque() -> Filter {
    Filter::only(Vec::<String>::new())
}

impl Registry {
    fn new(memory: Option<usize>) -> Arc<Registry> {
        Arc::new(Registry {
            held: Mutex::new(HashMap::new()),
            held_bytes: std::sync::atomic::AtomicUsize::new(0),
            budget: Mutex::new((memory, Weak::new())),
        })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<usize, Held>> {
        self.held.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The capability for `obj` crossing as `how` (`allow`: the names of an
    /// explicit grant, `None` for the public ones).
    fn wrap(
        self: &Arc<Self>,
        obj: &Bound<'_, PyAny>,
        how: Crossing,
        allow: Option<Vec<String>>,
    ) -> PyResult<CapHandle> {
        let py = obj.py();
        refuse_internals(py, obj)?;
        let ptr = obj.as_ptr() as usize;
        let key = match how {
            Crossing::Explicit => allow,
            _ => {
                if let Some(cap) = self
                    .lock()
                    .get(&ptr)
                    .and_then(|h| h.implicit.clone())
                    .filter(|c| !c.is_revoked())
                {
                    return Ok(cap);
                }
                Some(match how {
                    Crossing::Iterator => vec!["__iter__".to_owned(), "__next__".to_owned()],
                    _ => Vec::new(),
                })
            }
        };
        let filter = match &key {
            None => Filter::public(),
            Some(names) => Filter::only(names.clone()),
        };
        let existing = self.lock().get(&ptr).map(|h| {
            (
                h.roots.get(&key).filter(|c| !c.is_revoked()).cloned(),
                h.roots.values().find(|c| !c.is_revoked()).cloned(),
            )
        });
        let cap = match existing {
            Some((Some(cap), _)) => return Ok(cap),
            // Every root of one object designates one target.
            Some((None, Some(sibling))) => {
                sibling.rewrap(filter.clone()).map_err(|e| cap_error(py, e))?
            }
            _ => {
                // The class's own name: its qualified name would show the
                // host's code structure (`make.<locals>.Purse`).
                let label = obj
                    .get_type()
                    .name()
                    .map(|n| n.to_string())
                    .unwrap_or_else(|_| "object".to_owned());
                let label: String = label.chars().take(200).collect();
                let target = PyTarget {
                    key: ptr,
                    label,
                    registry: Arc::downgrade(self),
                };
                runtime().wrap_dynamic(target, filter.clone())
            }
        };
        let size = if self.lock().contains_key(&ptr) {
            0
        } else {
            let size = shallow_size(obj);
            let (limit, _) = &*self.budget.lock().unwrap_or_else(|e| e.into_inner());
            let total = self.held_bytes.load(std::sync::atomic::Ordering::SeqCst) + size;
            if limit.is_some_and(|l| total > l) {
                cap.revoke();
                return Err(pyo3::exceptions::PyMemoryError::new_err(
                    "the host objects this sandbox holds would exceed its memory budget",
                ));
            }
            size
        };
        let mut held = self.lock();
        let entry = held.entry(ptr).or_insert_with(|| {
            self.held_bytes.fetch_add(size, std::sync::atomic::Ordering::SeqCst);
            Held {
                obj: obj.clone().unbind(),
                roots: HashMap::new(),
                implicit: None,
                callable: false,
                size,
            }
        });
        if how == Crossing::Explicit {
            entry.callable = true;
        }
        entry.roots.insert(key, cap.clone());
        // What a CPython object hands out again (an identity function, a
        // container, a method returning it) is never more than the
        // narrowest explicit grant, or the token it first crossed as.
        let implicit = match (entry.implicit.take(), how) {
            (None, _) => cap.clone(),
            (Some(old), Crossing::Explicit) => {
                let old_filter = old.filter().unwrap_or_else(|_| opaque());
                let narrowed = old_filter.narrow(&filter);
                if narrowed == old_filter {
                    old
                } else if narrowed == filter {
                    cap.clone()
                } else {
                    cap.rewrap(narrowed).map_err(|e| cap_error(py, e))?
                }
            }
            (Some(old), _) => old,
        };
        entry.implicit = Some(implicit);
        Ok(cap)
    }

    /// Bytes a crossing may still copy on the sandbox's thread: the data
    /// limit, and what is left of the guest's budget (the allocator would
    /// freeze the thread past it, with the GIL held).
    fn room(&self) -> usize {
        const MAX_BYTES: usize = 64 << 20;
        let (limit, sandbox) = &*self.budget.lock().unwrap_or_else(|e| e.into_inner());
        match (limit, sandbox.upgrade()) {
            (Some(limit), Some(s)) => MAX_BYTES.min(limit.saturating_sub(s.memory_used())),
            _ => MAX_BYTES,
        }
    }

    /// Shows the garbage collector the CPython objects held (a granted
    /// object that refers back to its sandbox is a cycle it can collect).
    fn traverse(&self, visit: &pyo3::PyVisit<'_>) -> Result<(), pyo3::PyTraverseError> {
        // Never blocks inside a collection: a registry being changed is
        // skipped this time.
        if let Ok(held) = self.held.try_lock() {
            // The one strong reference to each (its capability's target
            // holds none).
            for h in held.values() {
                visit.call(&h.obj)?;
            }
        }
        Ok(())
    }

    /// Revokes every capability to a CPython object made for this sandbox.
    fn close(&self) {
        let held: Vec<Held> = self.lock().drain().map(|(_, h)| h).collect();
        for h in held {
            self.held_bytes.fetch_sub(h.size, std::sync::atomic::Ordering::SeqCst);
            for cap in h.roots.values().chain(h.implicit.as_ref()) {
                cap.revoke();
            }
        }
    }
}

/// A CPython object as a capability's target. Its members are read from the
/// object when asked: a callable attribute is a method, anything else a value
/// (data copied, any other object a further capability, narrowed by the
/// capability it was reached through). It holds no reference of its own: the
/// object is its registry's (one strong reference, which the garbage
/// collector is shown), and a closed registry revokes it.
struct PyTarget {
    key: usize,
    label: String,
    registry: Weak<Registry>,
}

impl PyTarget {
    fn registry(&self) -> Result<Arc<Registry>, CapError> {
        self.registry.upgrade().ok_or(CapError::Revoked)
    }

    /// The object, and whether the host handed it over itself (only then may
    /// a guest call it: a token is held and handed back, never called).
    fn object<'py>(&self, py: Python<'py>) -> Result<(Bound<'py, PyAny>, bool), CapError> {
        let registry = self.registry()?;
        let held = registry.lock();
        let h = held.get(&self.key).ok_or(CapError::Revoked)?;
        Ok((h.obj.bind(py).clone(), h.callable))
    }

    /// Calls `f` (the object, or one of its attributes) with arguments that
    /// crossed from the guest; its result crosses back.
    fn invoke(
        &self,
        py: Python<'_>,
        f: &Bound<'_, PyAny>,
        args: Vec<Arg>,
        kwargs: Kwargs,
        how: Crossing,
    ) -> Result<Arg, CapError> {
        let registry = self.registry()?;
        let args: Vec<Py<PyAny>> = args
            .into_iter()
            .map(|a| to_py(py, a, &registry))
            .collect::<PyResult<_>>()
            .map_err(|e| to_cap_error(py, e))?;
        let args = PyTuple::new(py, args).map_err(|e| to_cap_error(py, e))?;
        let kw = PyDict::new(py);
        for (name, value) in kwargs.iter() {
            let value = to_py(py, value.clone(), &registry).map_err(|e| to_cap_error(py, e))?;
            kw.set_item(name, value).map_err(|e| to_cap_error(py, e))?;
        }
        let result = f.call(args, Some(&kw)).map_err(|e| to_cap_error(py, e))?;
        to_arg(&result, &registry, how).map_err(|e| to_cap_error(py, e))
    }

    /// The object and its attribute `name`.
    fn member<'py>(
        &self,
        py: Python<'py>,
        name: &str,
    ) -> Result<(Bound<'py, PyAny>, Bound<'py, PyAny>), CapError> {
        let (obj, _) = self.object(py)?;
        match obj.getattr(name) {
            Ok(v) => Ok((obj, v)),
            Err(e) if e.is_instance_of::<PyAttributeError>(py) => Err(CapError::NotPermitted {
                name: name.to_owned(),
            }),
            Err(e) => Err(to_cap_error(py, e)),
        }
    }
}

/// At most this many names, of at most this many bytes each, cross from a
/// `dir()` (copied on the sandbox's thread).
const MAX_NAMES: usize = 10_000;
const MAX_NAME_BYTES: usize = 256;

impl DynamicObject for PyTarget {
    fn type_name(&self) -> &str {
        &self.label
    }

    fn names(&self) -> Vec<String> {
        tstate::attach(|py| {
            let Ok((obj, _)) = self.object(py) else {
                return Vec::new();
            };
            obj.dir()
                .map(|names| {
                    names
                        .iter()
                        .take(MAX_NAMES)
                        .filter_map(|n| {
                            let n = n.cast_into::<PyString>().ok()?;
                            let text = n.to_str().ok()?;
                            (text.len() <= MAX_NAME_BYTES).then(|| text.to_owned())
                        })
                        .collect()
                })
                .unwrap_or_default()
        })
        .unwrap_or_default()
    }

    fn get(&self, name: &str) -> Result<Member, CapError> {
        tstate::attach(|py| {
            let (obj, value) = self.member(py, name)?;
            if value.is_callable() && is_method(&obj, name).map_err(|e| to_cap_error(py, e))? {
                return Ok(Member::Method);
            }
            let registry = self.registry()?;
            to_arg(&value, &registry, Crossing::Implicit)
                .map(Member::Value)
                .map_err(|e| to_cap_error(py, e))
        })
        .unwrap_or_else(|| Err(exiting()))
    }

    fn call_method(&self, name: &str, args: Vec<Arg>, kwargs: Kwargs) -> Result<Arg, CapError> {
        tstate::attach(|py| {
            let (obj, method) = self.member(py, name)?;
            if !is_method(&obj, name).map_err(|e| to_cap_error(py, e))? {
                // A callable the object merely holds (`partial.func`, a stored
                // callback, a class in an attribute) is a value, never called
                // through it.
                return Err(CapError::NotPermitted {
                    name: name.to_owned(),
                });
            }
            let how = if name == "__iter__" {
                Crossing::Iterator
            } else {
                Crossing::Implicit
            };
            self.invoke(py, &method, args, kwargs, how)
        })
        .unwrap_or_else(|| Err(exiting()))
    }

    fn call(&self, args: Vec<Arg>, kwargs: Kwargs) -> Result<Arg, CapError> {
        tstate::attach(|py| {
            let (obj, granted) = self.object(py)?;
            // A filter governs names, not calling (SPEC §3.7): so only what
            // the host handed over itself is callable. A token (a class from
            // `mro()`, a function a method returned) is not.
            if !granted || !obj.is_callable() {
                return Err(CapError::NotCallable);
            }
            self.invoke(py, &obj, args, kwargs, Crossing::Implicit)
        })
        .unwrap_or_else(|| Err(exiting()))
    }
}

/// Whether `name` is a method of `obj`: defined as a function or method
/// descriptor by its type (or, for a class, by the class itself), not a
/// callable the object holds in an attribute (an instance's stored callback,
/// `functools.partial.func`, `threading.Timer.function`) nor a data
/// descriptor. Only methods are called by name; anything else crosses as a
/// value, so as a token when it is not data.
fn is_method(obj: &Bound<'_, PyAny>, name: &str) -> PyResult<bool> {
    let py = obj.py();
    static KINDS: OnceLock<(Py<PyAny>, Py<PyTuple>)> = OnceLock::new();
    let (getattr_static, kinds) = match KINDS.get() {
        Some(k) => k,
        None => {
            let types = py.import("types")?;
            let builtins = py.import("builtins")?;
            let mut kinds = Vec::new();
            for name in [
                "FunctionType",
                "MethodDescriptorType",
                "BuiltinFunctionType",
                "WrapperDescriptorType",
                "ClassMethodDescriptorType",
                "MethodWrapperType",
            ] {
                kinds.push(types.getattr(name)?.unbind());
            }
            for name in ["staticmethod", "classmethod"] {
                kinds.push(builtins.getattr(name)?.unbind());
            }
            let getattr_static = py.import("inspect")?.getattr("getattr_static")?.unbind();
            let _ = KINDS.set((getattr_static, PyTuple::new(py, kinds)?.unbind()));
            KINDS.get().expect("just set")
        }
    };
    // Instances ask their type: the answer is kept per (type, name), with
    // the type held so its address is not reused meanwhile.
    type Cache = HashMap<(usize, String), (Py<PyAny>, bool)>;
    static CACHE: OnceLock<Mutex<Cache>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    let is_type = obj.is_instance_of::<PyType>();
    let key = (obj.get_type().as_ptr() as usize, name.to_owned());
    if !is_type {
        if let Some((_, known)) = cache.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
            return Ok(*known);
        }
    }
    let missing = PyTuple::empty(py);
    let mut places = vec![obj.get_type().into_any()];
    if obj.is_instance_of::<PyType>() {
        places.insert(0, obj.clone());
    }
    let mut answer = false;
    for place in places {
        let found = getattr_static
            .bind(py)
            .call1((place, name, missing.clone()))?;
        if found.is(&missing) {
            continue;
        }
        answer = found.is_instance(kinds.bind(py))?;
        break;
    }
    if !is_type {
        let mut cache = cache.lock().unwrap_or_else(|e| e.into_inner());
        if cache.len() >= 10_000 {
            cache.clear();
        }
        cache.insert(key, (obj.get_type().into_any().unbind(), answer));
    }
    Ok(answer)
}

/// The error of a call into CPython while the interpreter exits.
fn exiting() -> CapError {
    CapError::failed("the host's interpreter is exiting")
}

// ---------------------------------------------------------------------------
// Crossing

/// What one crossing may still copy: the data limits (SPEC §5.3), and on a
/// sandbox's thread what is left of the guest's memory budget.
struct Room {
    bytes: usize,
    items: usize,
}

impl Room {
    const MAX_ITEMS: usize = 1_000_000;
    /// What one item of a container costs at least, in the copy.
    const ITEM_BYTES: usize = 48;

    fn of(registry: &Registry) -> Room {
        Room {
            bytes: registry.room(),
            items: Room::MAX_ITEMS,
        }
    }

    /// Takes `items` items and `bytes` bytes, before they are copied.
    fn take(&mut self, items: usize, bytes: usize) -> PyResult<()> {
        let bytes = bytes.saturating_add(items.saturating_mul(Room::ITEM_BYTES));
        if items > self.items || bytes > self.bytes {
            return Err(pyo3::exceptions::PyMemoryError::new_err(
                "the value is larger than the data limits or the guest's memory budget allow",
            ));
        }
        self.items -= items;
        self.bytes -= bytes;
        Ok(())
    }
}

/// A CPython value as it crosses into a sandbox: data of the exact built-in
/// types is copied (its size checked before anything is copied); a
/// [`Capability`] is its handle again; any other object a capability of
/// `registry`, as `how` says.
fn to_arg(obj: &Bound<'_, PyAny>, registry: &Arc<Registry>, how: Crossing) -> PyResult<Arg> {
    let mut room = Room::of(registry);
    to_value(obj, registry, how, &mut room, 0).map(Arg::from_value)
}

fn to_value(
    obj: &Bound<'_, PyAny>,
    registry: &Arc<Registry>,
    how: Crossing,
    room: &mut Room,
    depth: usize,
) -> PyResult<Value> {
    if depth > MAX_DEPTH {
        return Err(PyValueError::new_err(format!(
            "data nested deeper than {MAX_DEPTH} levels (or a container holding itself) cannot cross the membrane"
        )));
    }
    // Items inside data cross as the data they are in does.
    let inner = match how {
        Crossing::Iterator => Crossing::Implicit,
        other => other,
    };
    let each = |items: Vec<Bound<'_, PyAny>>, room: &mut Room| -> PyResult<Vec<Value>> {
        room.take(items.len(), 0)?;
        items
            .iter()
            .map(|x| to_value(x, registry, inner, room, depth + 1))
            .collect()
    };
    if obj.is_none() {
        return Ok(Value::None);
    }
    if let Ok(b) = obj.cast_exact::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.cast_exact::<PyInt>().is_ok() {
        let bits: usize = obj.call_method0("bit_length")?.extract()?;
        room.take(0, bits / 8)?;
        return Ok(Value::Int(obj.extract::<BigInt>()?));
    }
    if let Ok(f) = obj.cast_exact::<PyFloat>() {
        return Ok(Value::Float(f.value()));
    }
    if let Ok(c) = obj.cast_exact::<PyComplex>() {
        return Ok(Value::Complex {
            re: c.real(),
            im: c.imag(),
        });
    }
    if let Ok(s) = obj.cast_exact::<PyString>() {
        // CPython's own UTF-8 of the text: its length is known before the
        // copy (text with lone surrogates has them replaced).
        return Ok(Value::Str(match s.to_str() {
            Ok(text) => {
                room.take(0, text.len())?;
                text.to_owned()
            }
            Err(_) => {
                let chars: usize = s.len()?;
                room.take(0, chars.saturating_mul(4))?;
                s.to_string_lossy().into_owned()
            }
        }));
    }
    if let Ok(b) = obj.cast_exact::<PyBytes>() {
        room.take(0, b.as_bytes().len())?;
        return Ok(Value::Bytes(b.as_bytes().to_vec()));
    }
    if let Ok(t) = obj.cast_exact::<PyTuple>() {
        room.take(0, t.len().saturating_mul(8))?;
        return Ok(Value::Tuple(each(t.iter().collect(), room)?));
    }
    if let Ok(l) = obj.cast_exact::<PyList>() {
        // A snapshot: host code running meanwhile cannot change what crosses.
        room.take(0, l.len().saturating_mul(8))?;
        return Ok(Value::List(each(l.iter().collect(), room)?));
    }
    if let Ok(d) = obj.cast_exact::<PyDict>() {
        room.take(d.len(), d.len().saturating_mul(16))?;
        let pairs: Vec<(Bound<'_, PyAny>, Bound<'_, PyAny>)> = d.iter().collect();
        let mut out = Vec::with_capacity(pairs.len());
        for (k, v) in pairs {
            out.push((
                to_value(&k, registry, inner, room, depth + 1)?,
                to_value(&v, registry, inner, room, depth + 1)?,
            ));
        }
        return Ok(Value::Dict(out));
    }
    if let Ok(set) = obj.cast_exact::<PySet>() {
        room.take(0, set.len().saturating_mul(8))?;
        return Ok(Value::Set(each(set.iter().collect(), room)?));
    }
    if let Ok(set) = obj.cast_exact::<PyFrozenSet>() {
        room.take(0, set.len().saturating_mul(8))?;
        return Ok(Value::FrozenSet(each(set.iter().collect(), room)?));
    }
    if let Ok(c) = obj.cast_exact::<Capability>() {
        return Ok(Value::Cap(c.get().handle.clone()));
    }
    Ok(Value::Cap(registry.wrap(obj, how, None)?))
}

/// A value that crossed out of a sandbox, as CPython data; a capability to a
/// CPython object is that object again (unwrapping), any other capability a
/// [`Capability`] proxy (one per capability, so `is` holds).
fn to_py(py: Python<'_>, arg: Arg, registry: &Arc<Registry>) -> PyResult<Py<PyAny>> {
    value_to_py(py, arg.into_value(), registry)
}

fn value_to_py(py: Python<'_>, v: Value, registry: &Arc<Registry>) -> PyResult<Py<PyAny>> {
    Ok(match v {
        Value::None => py.None(),
        Value::Bool(b) => PyBool::new(py, b).to_owned().into_any().unbind(),
        Value::Int(i) => i.into_pyobject(py)?.into_any().unbind(),
        Value::Float(f) => PyFloat::new(py, f).into_any().unbind(),
        Value::Complex { re, im } => PyComplex::from_doubles(py, re, im).into_any().unbind(),
        Value::Str(s) => PyString::new(py, &s).into_any().unbind(),
        Value::Bytes(b) => PyBytes::new(py, &b).into_any().unbind(),
        Value::Tuple(items) => {
            let items: Vec<Py<PyAny>> =
                items.into_iter().map(|x| value_to_py(py, x, registry)).collect::<PyResult<_>>()?;
            PyTuple::new(py, items)?.into_any().unbind()
        }
        Value::List(items) => {
            let items: Vec<Py<PyAny>> =
                items.into_iter().map(|x| value_to_py(py, x, registry)).collect::<PyResult<_>>()?;
            PyList::new(py, items)?.into_any().unbind()
        }
        Value::Dict(pairs) => {
            let d = PyDict::new(py);
            for (k, v) in pairs {
                d.set_item(value_to_py(py, k, registry)?, value_to_py(py, v, registry)?)?;
            }
            d.into_any().unbind()
        }
        Value::Set(items) => {
            let items: Vec<Py<PyAny>> =
                items.into_iter().map(|x| value_to_py(py, x, registry)).collect::<PyResult<_>>()?;
            PySet::new(py, items)?.into_any().unbind()
        }
        Value::FrozenSet(items) => {
            let items: Vec<Py<PyAny>> =
                items.into_iter().map(|x| value_to_py(py, x, registry)).collect::<PyResult<_>>()?;
            PyFrozenSet::new(py, items)?.into_any().unbind()
        }
        Value::Cap(cap) => cap_to_py(py, cap, registry)?,
        _ => return Err(PyTypeError::new_err("a value of an unknown kind crossed")),
    })
}

/// A capability comes back to CPython as a [`Capability`], also one to a
/// CPython object: never as the object itself, whatever its filter. Generic
/// CPython code a guest reaches (`str.format`, an identity function, a
/// container, an unbound method) then never applies more than the guest held
/// to the object behind it (SPEC §3.7, §3.10); host code that must recognise
/// its own object says so: [`unwrap`].
fn cap_to_py(py: Python<'_>, cap: CapHandle, registry: &Arc<Registry>) -> PyResult<Py<PyAny>> {
    proxy(py, cap, registry)
}

/// The one live proxy of each capability.
fn proxies() -> &'static Mutex<ProxyMap> {
    static PROXIES: OnceLock<Mutex<ProxyMap>> = OnceLock::new();
    PROXIES.get_or_init(|| Mutex::new(ProxyMap::default()))
}

#[derive(Default)]
struct ProxyMap {
    live: HashMap<CapHandle, Py<PyWeakrefReference>>,
    /// Dead entries are swept when the map has doubled since the last sweep.
    swept_at: usize,
}

fn proxy(py: Python<'_>, cap: CapHandle, registry: &Arc<Registry>) -> PyResult<Py<PyAny>> {
    let live = |map: &ProxyMap| {
        map.live
            .get(&cap)
            .and_then(|weak| weak.bind(py).upgrade())
            .map(Bound::unbind)
    };
    if let Some(p) = live(&proxies().lock().unwrap_or_else(|e| e.into_inner())) {
        return Ok(p);
    }
    // Made outside the lock: an allocation may run the collector, and with
    // it a host `__del__` that makes proxies too.
    let p = Bound::new(
        py,
        Capability {
            handle: cap.clone(),
            registry: Arc::downgrade(registry),
        },
    )?;
    let weak = PyWeakrefReference::new(p.as_any())?.unbind();
    let dead = {
        let mut map = proxies().lock().unwrap_or_else(|e| e.into_inner());
        if let Some(existing) = live(&map) {
            return Ok(existing);
        }
        let mut dead = Vec::new();
        if map.live.len() >= 2 * map.swept_at.max(64) {
            let keys: Vec<CapHandle> = map
                .live
                .iter()
                .filter(|(_, w)| w.bind(py).upgrade().is_none())
                .map(|(k, _)| k.clone())
                .collect();
            for k in keys {
                dead.extend(map.live.remove(&k));
            }
            map.swept_at = map.live.len();
        }
        map.live.insert(cap, weak);
        dead
    };
    // Dead weak references are released after the lock.
    drop(dead);
    Ok(p.into_any().unbind())
}

// ---------------------------------------------------------------------------
// Waiting for a sandbox

/// Runs `f` (a wait for a sandbox) without the GIL, running CPython's signal
/// handlers while it waits: an exception they raise (`KeyboardInterrupt` on
/// Ctrl-C) stops the sandbox waited for and is raised instead of its result.
fn wait<T: Send>(
    py: Python<'_>,
    f: impl FnOnce() -> T + Send,
) -> Result<T, PyErr> {
    let raised: Arc<Mutex<Option<PyErr>>> = Arc::new(Mutex::new(None));
    let seen = raised.clone();
    let out = py.detach(move || {
        pyocap_core::interruptible(
            move || {
                Python::attach(|py| match py.check_signals() {
                    Ok(()) => false,
                    Err(e) => {
                        *seen.lock().unwrap_or_else(|e| e.into_inner()) = Some(e);
                        true
                    }
                })
            },
            f,
        )
    });
    let taken = raised.lock().unwrap_or_else(|e| e.into_inner()).take();
    match taken {
        Some(e) => Err(e),
        None => Ok(out),
    }
}

// ---------------------------------------------------------------------------
// The classes

/// A guest object (or another sandbox's), as CPython holds it: an opaque
/// proxy whose only content is its capability. Attribute reads, calls and the
/// forwarded protocols (`len`, `iter`, `next`, `in`, `[]`, `with`) run in the
/// sandbox that owns the object, through the capability's filter; repr,
/// equality and hashing are the proxy's own (by identity), so no guest code
/// runs for them.
#[pyclass(module = "pyocap", name = "Capability", frozen, weakref)]
struct Capability {
    handle: CapHandle,
    /// The sandbox's registry CPython objects passed to this capability go
    /// into (released when that sandbox is closed).
    registry: Weak<Registry>,
}

impl Capability {
    /// Calls the forwarded protocol method `protocol`.
    fn method(&self, py: Python<'_>, protocol: &str, args: Vec<Arg>) -> PyResult<Py<PyAny>> {
        let handle = self.handle.clone();
        let name = protocol.to_owned();
        let result = wait(py, move || handle.call_method(&name, args))?;
        let result = result.map_err(|e| match e {
            // As for a guest's proxy: a protocol the filter does not pass and
            // one the object does not offer fail alike.
            CapError::NotPermitted { .. } => PyTypeError::new_err(format!(
                "this capability does not support {protocol}"
            )),
            e => cap_error(py, e),
        })?;
        to_py(py, result, &self.registry()?)
    }

    fn registry(&self) -> PyResult<Arc<Registry>> {
        registry_of(&self.registry)
    }
}

/// The registry of the sandbox a proxy came from; once that sandbox is
/// closed, every capability it handed out is revoked too.
fn registry_of(weak: &Weak<Registry>) -> PyResult<Arc<Registry>> {
    weak.upgrade()
        .ok_or_else(|| RevokedError::new_err("the sandbox this capability came from is closed"))
}

#[pymethods]
impl Capability {
    fn __getattr__(slf: &Bound<'_, Self>, name: &str) -> PyResult<Py<PyAny>> {
        let py = slf.py();
        let handle = slf.get().handle.clone();
        let owned = name.to_owned();
        let member = wait(py, move || handle.member(&owned))?.map_err(|e| cap_error(py, e))?;
        match member {
            Member::Method => Ok(Bound::new(
                py,
                BoundMethod {
                    handle: slf.get().handle.clone(),
                    name: name.to_owned(),
                    registry: slf.get().registry.clone(),
                },
            )?
            .into_any()
            .unbind()),
            Member::Value(v) => to_py(py, v, &slf.get().registry()?),
        }
    }

    fn __setattr__(&self, name: &str, _value: &Bound<'_, PyAny>) -> PyResult<()> {
        Err(PyAttributeError::new_err(format!(
            "cannot set '{name}' on a capability"
        )))
    }

    fn __delattr__(&self, name: &str) -> PyResult<()> {
        Err(PyAttributeError::new_err(format!(
            "cannot delete '{name}' of a capability"
        )))
    }

    #[pyo3(signature = (*args, **kwargs))]
    fn __call__(
        &self,
        py: Python<'_>,
        args: &Bound<'_, PyTuple>,
        kwargs: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        call_through(py, &self.handle, &self.registry, None, args, kwargs)
    }

    fn __repr__(&self) -> String {
        if self.handle.is_revoked() {
            "<pyocap.Capability revoked>".to_owned()
        } else {
            format!("<pyocap.Capability {}>", printable(&self.handle.label()))
        }
    }

    /// Always true: a proxy's truth is not forwarded (SPEC §3.3).
    fn __bool__(&self) -> bool {
        true
    }

    /// The names the capability passes (asking the object, in its sandbox,
    /// with the GIL released).
    fn __dir__(&self, py: Python<'_>) -> PyResult<Vec<String>> {
        let handle = self.handle.clone();
        wait(py, move || handle.names())?.map_err(|e| cap_error(py, e))
    }

    fn __len__(&self, py: Python<'_>) -> PyResult<usize> {
        self.method(py, "__len__", Vec::new())?.bind(py).extract()
    }

    fn __iter__(slf: &Bound<'_, Self>) -> PyResult<Py<PyAny>> {
        let py = slf.py();
        let this = slf.get();
        match this.method(py, "__iter__", Vec::new()) {
            Err(e) if e.is_instance_of::<PyTypeError>(py) && {
                let handle = this.handle.clone();
                wait(py, move || handle.names())?
                    .is_ok_and(|n| n.iter().any(|n| n == "__next__"))
            } =>
            {
                // A proxy whose object offers `__next__` is its own iterator.
                Ok(slf.clone().into_any().unbind())
            }
            other => other,
        }
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        self.method(py, "__next__", Vec::new())
    }

    fn __contains__(&self, py: Python<'_>, item: &Bound<'_, PyAny>) -> PyResult<bool> {
        let arg = to_arg(item, &self.registry()?, Crossing::Implicit)?;
        self.method(py, "__contains__", vec![arg])?.bind(py).is_truthy()
    }

    fn __getitem__(&self, py: Python<'_>, key: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let arg = to_arg(key, &self.registry()?, Crossing::Implicit)?;
        self.method(py, "__getitem__", vec![arg])
    }

    fn __enter__(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        self.method(py, "__enter__", Vec::new())
    }

    /// The guest's `__exit__` gets the exception's class name and message
    /// (or `None`s), never the exception, its class or its traceback.
    #[pyo3(signature = (exc_type=None, exc=None, _tb=None))]
    fn __exit__(
        &self,
        py: Python<'_>,
        exc_type: Option<&Bound<'_, PyAny>>,
        exc: Option<&Bound<'_, PyAny>>,
        _tb: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<bool> {
        let name = match exc_type.filter(|t| !t.is_none()) {
            Some(t) => Value::Str(
                t.cast::<PyType>()
                    .ok()
                    .and_then(|t| t.name().ok())
                    .map(|n| n.to_string())
                    .unwrap_or_else(|| "Exception".to_owned()),
            ),
            None => Value::None,
        };
        let message = match exc.filter(|e| !e.is_none()) {
            Some(e) => Value::Str(e.str().map(|s| s.to_string()).unwrap_or_default()),
            None => Value::None,
        };
        let args = vec![Arg::Value(name), Arg::Value(message), Arg::Value(Value::None)];
        self.method(py, "__exit__", args)?.bind(py).is_truthy()
    }
}

/// A call from CPython through a capability: of the object itself, or of its
/// method `method`. The arguments cross as tokens (SPEC §3.10).
fn call_through(
    py: Python<'_>,
    handle: &CapHandle,
    registry: &Weak<Registry>,
    method: Option<&str>,
    args: &Bound<'_, PyTuple>,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<Py<PyAny>> {
    let registry = registry_of(registry)?;
    let args: Vec<Arg> = args
        .iter()
        .map(|a| to_arg(&a, &registry, Crossing::Implicit))
        .collect::<PyResult<_>>()?;
    let kwargs = kwargs_in(kwargs, &registry)?;
    let handle = handle.clone();
    let method = method.map(str::to_owned);
    let result = wait(py, move || match method {
        Some(name) => handle.call_method_with_kwargs(&name, args, kwargs),
        None => handle.call_with_kwargs(args, kwargs),
    })?;
    to_py(py, result.map_err(|e| cap_error(py, e))?, &registry)
}

fn kwargs_in(kwargs: Option<&Bound<'_, PyDict>>, registry: &Arc<Registry>) -> PyResult<Kwargs> {
    let mut out = Kwargs::new();
    if let Some(kwargs) = kwargs {
        for (k, v) in kwargs.iter() {
            let name: String = k.extract()?;
            out.insert(name, to_arg(&v, registry, Crossing::Implicit)?);
        }
    }
    Ok(out)
}

/// A method of a guest object, read through a capability (`cap.name`):
/// calling it calls the method by name, through the capability's filter.
#[pyclass(module = "pyocap", name = "BoundMethod", frozen)]
struct BoundMethod {
    handle: CapHandle,
    name: String,
    registry: Weak<Registry>,
}

#[pymethods]
impl BoundMethod {
    #[pyo3(signature = (*args, **kwargs))]
    fn __call__(
        &self,
        py: Python<'_>,
        args: &Bound<'_, PyTuple>,
        kwargs: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Py<PyAny>> {
        call_through(py, &self.handle, &self.registry, Some(&self.name), args, kwargs)
    }

    fn __repr__(&self) -> String {
        format!(
            "<pyocap.BoundMethod {} of {}>",
            printable(&self.name),
            printable(&self.handle.label())
        )
    }
}


fn strings(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<String>> {
    if obj.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!("{what} must be a list of str, not a str")));
    }
    obj.try_iter()?
        .map(|n| {
            n?.extract::<String>()
                .map_err(|_| PyTypeError::new_err(format!("{what} must be a list of str")))
        })
        .collect()
}

/// The keyword arguments `Sandbox()` and `Pool()` share, as a policy. The
/// signatures' defaults are `Policy::new()`'s: 5 s, 256 MiB, 1 MiB of output;
/// `None` for `timeout` or `memory` lifts that limit.
fn policy_of(
    builtins: Option<&Bound<'_, PyAny>>,
    imports: Option<&Bound<'_, PyAny>>,
    timeout: Option<f64>,
    fuel: Option<u64>,
    memory: Option<usize>,
    max_output: usize,
    seed: Option<u64>,
    doors: DoorArgs,
) -> PyResult<Policy> {
    let config = |e: pyocap_core::ConfigError| PyValueError::new_err(e.to_string());
    let mut policy = Policy::new();
    if let Some(b) = builtins.filter(|b| !b.is_none()) {
        policy = Policy::empty();
        for name in strings(b, "builtins")? {
            policy.allow_builtin(&name).map_err(config)?;
        }
    }
    if let Some(i) = imports.filter(|i| !i.is_none()) {
        for name in strings(i, "imports")? {
            policy.allow_import(&name).map_err(config)?;
        }
    }
    let deadline = match timeout {
        None => None,
        Some(secs) => Some(
            Duration::try_from_secs_f64(secs)
                .ok()
                .filter(|d| !d.is_zero())
                .ok_or_else(|| {
                    PyValueError::new_err("timeout must be a positive number of seconds")
                })?,
        ),
    };
    policy.deadline(deadline);
    policy.max_memory(memory).map_err(config)?;
    policy.fuel(fuel);
    policy.max_output(max_output);
    if let Some(seed) = seed {
        policy.random_seed(seed);
    }
    if let Some(clock) = doors.clock {
        policy.clock(Some(pyocap_core::Clock::parse(&clock).map_err(config)?));
    }
    policy.entropy(doors.entropy);
    for mount in doors.mounts {
        policy.mount(mount).map_err(config)?;
    }
    if let Some(argv) = doors.argv {
        policy.sys(Some(pyocap_core::SysData {
            argv,
            ..pyocap_core::SysData::default()
        }));
    }
    Ok(policy)
}

/// The doors `Sandbox()` and `Pool()` can grant (SPEC §4.6, §4.8): `clock` as
/// `pyocap::Clock::parse` reads it, `entropy`, `argv` (which grants
/// `import sys`) and `mounts`.
struct DoorArgs {
    clock: Option<String>,
    entropy: bool,
    argv: Option<Vec<String>>,
    mounts: Vec<pyocap_core::Mount>,
}

impl DoorArgs {
    fn of(
        clock: Option<String>,
        entropy: bool,
        argv: Option<&Bound<'_, PyAny>>,
        mounts: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<DoorArgs> {
        let argv = match argv.filter(|a| !a.is_none()) {
            Some(a) => Some(strings(a, "argv")?),
            None => None,
        };
        let mounts = match mounts.filter(|m| !m.is_none()) {
            Some(m) => mounts_of(m)?,
            None => Vec::new(),
        };
        Ok(DoorArgs {
            clock,
            entropy,
            argv,
            mounts,
        })
    }
}

/// The `mounts=` argument: a list whose items are `Mount` objects (the same
/// mount: revoking the object revokes it here) or strings
/// `"HOST_DIR:GUEST_PATH[:ro|rw][:QUOTA]"` as `pyocap run --mount` reads them.
fn mounts_of(obj: &Bound<'_, PyAny>) -> PyResult<Vec<pyocap_core::Mount>> {
    let wrong = || PyTypeError::new_err("mounts must be a list of pyocap.Mount or str");
    if obj.is_instance_of::<PyString>() || obj.is_instance_of::<Mount>() {
        return Err(wrong());
    }
    obj.try_iter()?
        .map(|item| {
            let item = item?;
            if let Ok(m) = item.cast::<Mount>() {
                return Ok(m.get().inner.clone());
            }
            let spec: String = item.extract().map_err(|_| wrong())?;
            pyocap_core::Mount::parse(&spec).map_err(|e| PyValueError::new_err(e.to_string()))
        })
        .collect()
}

/// A host directory a sandbox sees at a virtual path (SPEC §4.8).
///
/// `Mount(host_dir, guest_path="/data", *, writable=False, quota=None)`:
/// `host_dir` must exist and be a directory; `guest_path` is absolute, with
/// no `.` or `..` parts, and not `/`. `quota` bounds the bytes writes may add
/// up to. Grant it with `Sandbox(mounts=[m])`; the same object given to
/// several sandboxes is one mount (one quota, one revocation).
#[pyclass(module = "pyocap", name = "Mount", frozen)]
struct Mount {
    inner: pyocap_core::Mount,
}

#[pymethods]
impl Mount {
    #[new]
    #[pyo3(signature = (host_dir, guest_path="/data", *, writable=false, quota=None))]
    fn py_new(
        host_dir: std::path::PathBuf,
        guest_path: &str,
        writable: bool,
        quota: Option<u64>,
    ) -> PyResult<Mount> {
        let config = |e: pyocap_core::ConfigError| PyValueError::new_err(e.to_string());
        let mode = if writable {
            pyocap_core::MountMode::ReadWrite
        } else {
            pyocap_core::MountMode::ReadOnly
        };
        let mut inner = pyocap_core::Mount::new(&host_dir, guest_path, mode).map_err(config)?;
        if let Some(q) = quota {
            inner = inner.with_quota(q).map_err(config)?;
        }
        Ok(Mount { inner })
    }

    /// `Mount.parse("HOST_DIR:GUEST_PATH[:ro|rw][:QUOTA]")`, as
    /// `pyocap run --mount` reads it.
    #[staticmethod]
    fn parse(spec: &str) -> PyResult<Mount> {
        pyocap_core::Mount::parse(spec)
            .map(|inner| Mount { inner })
            .map_err(|e| PyValueError::new_err(e.to_string()))
    }

    /// Closes every file opened through the mount and refuses every later
    /// use, in every sandbox that holds it. Idempotent.
    fn revoke(&self) {
        self.inner.revoke();
    }

    /// Whether `revoke()` was called.
    #[getter]
    fn revoked(&self) -> bool {
        self.inner.is_revoked()
    }

    /// The path the guest sees.
    #[getter]
    fn guest_path(&self) -> &str {
        self.inner.guest_path()
    }

    /// The host directory.
    #[getter]
    fn host_dir(&self) -> std::path::PathBuf {
        self.inner.host_path().to_path_buf()
    }

    /// Whether guests may write.
    #[getter]
    fn writable(&self) -> bool {
        self.inner.mode() == pyocap_core::MountMode::ReadWrite
    }

    /// The write quota in bytes, or `None`.
    #[getter]
    fn quota(&self) -> Option<u64> {
        self.inner.quota()
    }

    /// Bytes written through the mount so far (what the quota counts).
    #[getter]
    fn bytes_written(&self) -> u64 {
        self.inner.bytes_written()
    }

    /// Files open through the mount now, in every sandbox.
    #[getter]
    fn open_files(&self) -> usize {
        self.inner.open_files()
    }

    fn __repr__(&self) -> String {
        format!("pyocap.Mount({:?})", self.inner.to_text())
    }
}

/// A sandbox: one guest interpreter on its own thread, with its own policy.
///
/// `Sandbox(*, builtins=None, imports=(), grants=None, timeout=5.0,
/// fuel=None, memory=256 MiB, max_output=1 MiB, seed=None, clock=None,
/// entropy=False, argv=None, mounts=None)`. Use it as a
/// context manager, or call `close()`, to stop it and release what it was
/// given.
#[pyclass(module = "pyocap", name = "Sandbox", frozen, weakref)]
struct Sandbox {
    inner: Mutex<Option<Arc<pyocap_core::Sandbox>>>,
    registry: Arc<Registry>,
    /// The `stream_output` callback: the one strong reference to it (the
    /// output closure reads it here), shown to the garbage collector.
    sink: Arc<Mutex<Option<Py<PyAny>>>>,
    /// Whether the core's output sink reading `sink` is installed: later
    /// `stream_output` calls only swap the callback (from any thread, also
    /// from inside the callback, without the core's sink lock).
    streaming: std::sync::atomic::AtomicBool,
}

/// Every open sandbox's stop, for the `atexit` hook.
fn live() -> &'static Mutex<HashMap<u64, pyocap_core::StopHandle>> {
    static LIVE: OnceLock<Mutex<HashMap<u64, pyocap_core::StopHandle>>> = OnceLock::new();
    LIVE.get_or_init(|| Mutex::new(HashMap::new()))
}

/// At interpreter exit: no sandbox thread enters CPython any more, and every
/// open sandbox is stopped (with the GIL released, so a call into CPython
/// under way can end).
#[pyfunction]
fn _at_exit(py: Python<'_>) {
    let stops: Vec<pyocap_core::StopHandle> = live()
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .drain()
        .map(|(_, s)| s)
        .collect();
    py.detach(move || {
        // First no thread enters CPython any more (an output callback or a
        // call into a CPython object under way ends first), then the
        // sandboxes stop.
        tstate::exiting(Duration::from_secs(2));
        for stop in stops {
            stop.stop();
        }
    });
}

thread_local! {
    /// The sandbox whose output callback this thread is running: calling it
    /// from there would wait for this very thread.
    static IN_SINK: std::cell::Cell<Option<u64>> = const { std::cell::Cell::new(None) };
}

impl Sandbox {
    fn new_inner(sandbox: pyocap_core::Sandbox, memory: Option<usize>) -> Sandbox {
        let sandbox = Arc::new(sandbox);
        let registry = Registry::new(memory);
        registry.budget.lock().unwrap_or_else(|e| e.into_inner()).1 = Arc::downgrade(&sandbox);
        live()
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(sandbox.id(), sandbox.stop_handle());
        Sandbox {
            inner: Mutex::new(Some(sandbox)),
            registry,
            sink: Arc::new(Mutex::new(None)),
            streaming: std::sync::atomic::AtomicBool::new(false),
        }
    }

    /// A new sandbox of `policy` (whose memory budget is `memory`), given `grants`.
    fn start(
        py: Python<'_>,
        policy: &Policy,
        memory: Option<usize>,
        grants: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Sandbox> {
        let sandbox = py
            .detach(|| runtime().sandbox(policy))
            .map_err(|e| PyRuntimeError::new_err(e.to_string()))?;
        let sandbox = Sandbox::new_inner(sandbox, memory);
        sandbox.grant_all(py, grants)?;
        Ok(sandbox)
    }

    fn inner(&self) -> PyResult<Arc<pyocap_core::Sandbox>> {
        self.inner
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
            .ok_or_else(|| PyValueError::new_err("the sandbox is closed"))
    }

    fn grant_all(&self, py: Python<'_>, grants: Option<&Bound<'_, PyAny>>) -> PyResult<()> {
        let Some(grants) = grants.filter(|g| !g.is_none()) else {
            return Ok(());
        };
        let grants = grants
            .cast::<PyDict>()
            .map_err(|_| PyTypeError::new_err("grants must be a dict"))?;
        for (name, value) in grants.iter() {
            let name: String = name
                .extract()
                .map_err(|_| PyTypeError::new_err("a grant's name must be a str"))?;
            self.grant(py, &name, &value, None)?;
        }
        Ok(())
    }

    fn request<T: Send>(
        &self,
        py: Python<'_>,
        f: impl FnOnce(&pyocap_core::Sandbox) -> Result<T, CoreError> + Send,
    ) -> PyResult<T> {
        let inner = self.inner()?;
        if IN_SINK.with(|s| s.get()) == Some(inner.id()) {
            return Err(PyRuntimeError::new_err(
                "a sandbox cannot be called from its own output callback",
            ));
        }
        wait(py, move || f(&inner))?.map_err(|e| guest_error(py, e))
    }

    fn arg(&self, obj: &Bound<'_, PyAny>) -> PyResult<Value> {
        let mut room = Room::of(&self.registry);
        to_value(obj, &self.registry, Crossing::Explicit, &mut room, 0)
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        self.registry.close();
        let inner = self.inner.get_mut().unwrap_or_else(|e| e.into_inner()).take();
        if let Some(inner) = inner {
            live().lock().unwrap_or_else(|e| e.into_inner()).remove(&inner.id());
            inner.revoke_all();
            // Dropped with the GIL held: its thread may be waiting for the GIL
            // inside a call into a CPython object, so it is stopped and let go
            // elsewhere.
            let _ = std::thread::Builder::new()
                .name("pyocap-drop".into())
                .spawn(move || {
                    inner.stop_handle().stop();
                    drop(inner)
                });
        }
    }
}

#[pymethods]
impl Sandbox {
    #[new]
    #[pyo3(signature = (*, builtins=None, imports=None, grants=None, timeout=Some(5.0), fuel=None, memory=Some(256 << 20), max_output=1 << 20, seed=None, clock=None, entropy=false, argv=None, mounts=None))]
    #[allow(clippy::too_many_arguments)]
    fn py_new(
        py: Python<'_>,
        builtins: Option<&Bound<'_, PyAny>>,
        imports: Option<&Bound<'_, PyAny>>,
        grants: Option<&Bound<'_, PyAny>>,
        timeout: Option<f64>,
        fuel: Option<u64>,
        memory: Option<usize>,
        max_output: usize,
        seed: Option<u64>,
        clock: Option<String>,
        entropy: bool,
        argv: Option<&Bound<'_, PyAny>>,
        mounts: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Sandbox> {
        let doors = DoorArgs::of(clock, entropy, argv, mounts)?;
        let policy = policy_of(builtins, imports, timeout, fuel, memory, max_output, seed, doors)?;
        Sandbox::start(py, &policy, memory, grants)
    }

    /// `Sandbox.from_policy(toml, *, grants=None)`: a sandbox of the policy
    /// file `toml` (its text; `pyocap::Policy::from_toml`, SPEC §4.7).
    #[staticmethod]
    #[pyo3(signature = (toml, *, grants=None))]
    fn from_policy(
        py: Python<'_>,
        toml: &str,
        grants: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Sandbox> {
        let policy =
            Policy::from_toml(toml).map_err(|e| PyValueError::new_err(e.to_string()))?;
        let memory = policy.memory_budget();
        Sandbox::start(py, &policy, memory, grants)
    }

    /// `exec(source)`: runs statements in the guest's global namespace.
    fn exec(&self, py: Python<'_>, source: &str) -> PyResult<()> {
        let source = source.to_owned();
        self.request(py, move |s| s.exec(&source))
    }

    /// `eval(expr)`: the value of one expression, copied out (any object that
    /// is not data comes out as a `Capability`).
    fn eval(&self, py: Python<'_>, expr: &str) -> PyResult<Py<PyAny>> {
        let expr = expr.to_owned();
        let v = self.request(py, move |s| s.eval(&expr))?;
        value_to_py(py, v, &self.registry)
    }

    /// `call(name, *args)`: calls the guest's global `name`; arguments cross
    /// as `grant` would carry them (data copied, other objects as
    /// capabilities with their public names).
    #[pyo3(signature = (name, *args))]
    fn call(&self, py: Python<'_>, name: &str, args: &Bound<'_, PyTuple>) -> PyResult<Py<PyAny>> {
        let args: Vec<Value> = args.iter().map(|a| self.arg(&a)).collect::<PyResult<_>>()?;
        let name = name.to_owned();
        let v = self.request(py, move |s| s.call(&name, &args))?;
        value_to_py(py, v, &self.registry)
    }

    /// `compile(source)`: statements compiled once, for `run` here or in
    /// another sandbox of the same fuel metering.
    fn compile(&self, py: Python<'_>, source: &str) -> PyResult<Code> {
        let source = source.to_owned();
        let code = self.request(py, move |s| s.compile(&source))?;
        Ok(Code { inner: code })
    }

    /// `compile_eval(expr)`: one expression compiled once; `run` gives its value.
    fn compile_eval(&self, py: Python<'_>, expr: &str) -> PyResult<Code> {
        let expr = expr.to_owned();
        let code = self.request(py, move |s| s.compile_eval(&expr))?;
        Ok(Code { inner: code })
    }

    /// `run(code)`: runs compiled code (its value for `compile_eval`, else `None`).
    fn run(&self, py: Python<'_>, code: &Code) -> PyResult<Py<PyAny>> {
        let code = code.inner.clone();
        let v = self.request(py, move |s| s.run(&code))?;
        value_to_py(py, v, &self.registry)
    }

    /// `grant(name, obj, allow=None)`: binds the guest's global `name` to
    /// `obj`. Data is copied. Any other CPython object is granted as a
    /// capability passing its public names (none starting with `_`), or
    /// exactly the names in `allow`; a `Capability` is granted as it is, or
    /// narrowed to `allow` (a capability held can only be narrowed).
    #[pyo3(signature = (name, obj, allow=None))]
    fn grant(
        &self,
        py: Python<'_>,
        name: &str,
        obj: &Bound<'_, PyAny>,
        allow: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<()> {
        let allow = match allow.filter(|a| !a.is_none()) {
            Some(a) => Some(strings(a, "allow")?),
            None => None,
        };
        let value = match (allow, obj.cast_exact::<Capability>()) {
            (None, _) => self.arg(obj)?,
            (Some(names), Ok(c)) => Value::Cap(
                c.get()
                    .handle
                    .attenuate(&Filter::only(names))
                    .map_err(|e| cap_error(py, e))?,
            ),
            (Some(names), Err(_)) => match self.arg(obj)? {
                Value::Cap(_) => Value::Cap(self.registry.wrap(obj, Crossing::Explicit, Some(names))?),
                _ => {
                    return Err(PyTypeError::new_err(
                        "allow= applies to a capability; data is copied whole",
                    ))
                }
            },
        };
        let name = name.to_owned();
        match value {
            Value::Cap(cap) => self.request(py, move |s| s.grant(&name, &cap)),
            data => self.request(py, move |s| s.set_global(&name, data)),
        }
    }

    /// `revoke()`: revokes everything this sandbox was ever given, at once.
    fn revoke(&self) -> PyResult<()> {
        self.inner()?.revoke_all();
        self.registry.close();
        Ok(())
    }

    /// `output()`: what the guest printed since the last `output()`.
    fn output(&self) -> PyResult<String> {
        Ok(self.inner()?.take_output())
    }

    /// `stream_output(callback)`: from now on the guest's output goes to
    /// `callback(text)` as it is printed (all of a call's output before the
    /// call returns) instead of being kept for `output()`. An exception in
    /// the callback is reported as unraisable and the text is dropped.
    fn stream_output(&self, py: Python<'_>, callback: Py<PyAny>) -> PyResult<()> {
        let inner = self.inner()?;
        let id = inner.id();
        let previous = self
            .sink
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .replace(callback);
        drop(previous);
        if self.streaming.swap(true, std::sync::atomic::Ordering::SeqCst) {
            return Ok(());
        }
        let slot = self.sink.clone();
        // The output thread holds the sink's lock while it waits for the
        // GIL: it is installed with the GIL released.
        py.detach(move || {
            inner.stream_output(move |text: &str| {
                let _ = tstate::attach(|py| {
                    let callback = slot
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .as_ref()
                        .map(|c| c.clone_ref(py));
                    let Some(callback) = callback else {
                        return;
                    };
                    let before = IN_SINK.with(|s| s.replace(Some(id)));
                    if let Err(e) = callback.bind(py).call1((text,)) {
                        e.write_unraisable(py, None);
                    }
                    IN_SINK.with(|s| s.set(before));
                });
            })
        });
        Ok(())
    }

    /// `share(obj, allow=None)`: a `Capability` to the CPython object `obj`
    /// for this sandbox's guest, with its public names or exactly `allow`, as
    /// `grant` would bind it: for handing an object to a guest's callback
    /// (`handler(sb.share(event))`), whose arguments otherwise cross as
    /// tokens.
    #[pyo3(signature = (obj, allow=None))]
    fn share(
        &self,
        py: Python<'_>,
        obj: &Bound<'_, PyAny>,
        allow: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        self.inner()?;
        let allow = match allow.filter(|a| !a.is_none()) {
            Some(a) => Some(strings(a, "allow")?),
            None => None,
        };
        if obj.cast_exact::<Capability>().is_ok() {
            return Err(PyTypeError::new_err("share() takes a CPython object, not a capability"));
        }
        match self.arg(obj)? {
            Value::Cap(_) => {
                let cap = self.registry.wrap(obj, Crossing::Explicit, allow)?;
                proxy(py, cap, &self.registry)
            }
            _ => Err(PyTypeError::new_err("share() takes an object; data is copied whole")),
        }
    }

    /// `set_fuel(units)`: the fuel of each following call (`None`: unmetered).
    fn set_fuel(&self, units: Option<u64>) -> PyResult<()> {
        self.inner()?
            .set_fuel(units)
            .map_err(|e| PyValueError::new_err(e.to_string()))
    }

    /// `(consumed, remaining)` of the last call (`remaining` is `None` when it
    /// was unmetered).
    #[getter]
    fn fuel(&self) -> PyResult<(u64, Option<u64>)> {
        let r = self.inner()?.fuel();
        Ok((r.consumed, r.remaining))
    }

    /// Why the sandbox was stopped (a limit, a stop), or `None`.
    #[getter]
    fn stopped(&self) -> PyResult<Option<String>> {
        Ok(self.inner()?.stopped().map(|e| e.to_string()))
    }

    /// Bytes of memory the guest holds now.
    #[getter]
    fn memory_used(&self) -> PyResult<usize> {
        Ok(self.inner()?.memory_used())
    }

    /// The most memory the guest has held at once.
    #[getter]
    fn memory_peak(&self) -> PyResult<usize> {
        Ok(self.inner()?.memory_peak())
    }

    /// `stop()`: stops the guest from any thread; its running call and every
    /// later one fail (`GuestError` with `type_name == "Stopped"`).
    fn stop(&self, py: Python<'_>) -> PyResult<bool> {
        let handle = self.inner()?.stop_handle();
        Ok(py.detach(move || handle.stop()))
    }

    /// `close()`: stops the sandbox, revokes everything it was given and
    /// releases it. Later calls raise `ValueError`.
    fn close(&self, py: Python<'_>) {
        self.registry.close();
        let inner = self.inner.lock().unwrap_or_else(|e| e.into_inner()).take();
        let sink = self.sink.lock().unwrap_or_else(|e| e.into_inner()).take();
        drop(sink);
        if let Some(inner) = inner {
            live().lock().unwrap_or_else(|e| e.into_inner()).remove(&inner.id());
            inner.revoke_all();
            // A call still running (from another thread) ends now.
            py.detach(move || {
                inner.stop_handle().stop();
                drop(inner)
            });
        }
    }

    fn __traverse__(&self, visit: pyo3::PyVisit<'_>) -> Result<(), pyo3::PyTraverseError> {
        self.registry.traverse(&visit)?;
        if let Ok(sink) = self.sink.try_lock() {
            if let Some(sink) = sink.as_ref() {
                visit.call(sink)?;
            }
        }
        Ok(())
    }

    fn __clear__(&self) {
        // A collected cycle through a granted object or the output callback:
        // the sandbox lets them go now (it is stopped by its drop).
        self.registry.close();
        let sink = self.sink.lock().unwrap_or_else(|e| e.into_inner()).take();
        drop(sink);
    }

    /// Whether `close()` was called.
    #[getter]
    fn closed(&self) -> bool {
        self.inner.lock().unwrap_or_else(|e| e.into_inner()).is_none()
    }

    fn __enter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    #[pyo3(signature = (*_args))]
    fn __exit__(&self, py: Python<'_>, _args: &Bound<'_, PyTuple>) -> bool {
        self.close(py);
        false
    }

    fn __repr__(&self) -> String {
        match self.inner.lock().unwrap_or_else(|e| e.into_inner()).as_ref() {
            Some(s) => format!("<pyocap.Sandbox {}>", s.id()),
            None => "<pyocap.Sandbox closed>".to_owned(),
        }
    }
}

/// Code compiled by `Sandbox.compile` / `compile_eval`.
#[pyclass(module = "pyocap", name = "Code", frozen)]
struct Code {
    inner: pyocap_core::Code,
}

#[pymethods]
impl Code {
    /// The source it was compiled from.
    #[getter]
    fn source(&self) -> &str {
        self.inner.source()
    }

    fn __repr__(&self) -> String {
        format!("<pyocap.Code of {} bytes>", self.inner.source().len())
    }
}

/// A warm pool of sandboxes of one policy: `Pool(size, preload=None, *,
/// <the keywords of Sandbox() but grants>)` keeps `size` started in the
/// background (with `preload`'s modules imported); `checkout(grants=None)`
/// hands one out, never reused.
#[pyclass(module = "pyocap", name = "Pool", frozen)]
struct Pool {
    inner: pyocap_core::SandboxPool,
    memory: Option<usize>,
}

#[pymethods]
impl Pool {
    #[new]
    #[pyo3(signature = (size, preload=None, *, builtins=None, imports=None, timeout=Some(5.0), fuel=None, memory=Some(256 << 20), max_output=1 << 20, seed=None, clock=None, entropy=false, argv=None, mounts=None))]
    #[allow(clippy::too_many_arguments)]
    fn py_new(
        py: Python<'_>,
        size: usize,
        preload: Option<&Bound<'_, PyAny>>,
        builtins: Option<&Bound<'_, PyAny>>,
        imports: Option<&Bound<'_, PyAny>>,
        timeout: Option<f64>,
        fuel: Option<u64>,
        memory: Option<usize>,
        max_output: usize,
        seed: Option<u64>,
        clock: Option<String>,
        entropy: bool,
        argv: Option<&Bound<'_, PyAny>>,
        mounts: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Pool> {
        let doors = DoorArgs::of(clock, entropy, argv, mounts)?;
        let policy = policy_of(builtins, imports, timeout, fuel, memory, max_output, seed, doors)?;
        let preload = match preload.filter(|p| !p.is_none()) {
            Some(p) => strings(p, "preload")?,
            None => Vec::new(),
        };
        let inner = py
            .detach(|| {
                let preload: Vec<&str> = preload.iter().map(String::as_str).collect();
                runtime().pool(&policy, size, &preload)
            })
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        Ok(Pool { inner, memory })
    }

    /// `checkout(grants=None)`: a started sandbox of the pool's policy.
    #[pyo3(signature = (grants=None))]
    fn checkout(&self, py: Python<'_>, grants: Option<&Bound<'_, PyAny>>) -> PyResult<Sandbox> {
        let sandbox = py
            .detach(|| self.inner.checkout())
            .map_err(|e| PyRuntimeError::new_err(e.to_string()))?;
        let sandbox = Sandbox::new_inner(sandbox, self.memory);
        sandbox.grant_all(py, grants)?;
        Ok(sandbox)
    }

    /// How many sandboxes are started and waiting.
    #[getter]
    fn ready(&self) -> usize {
        self.inner.ready()
    }

    /// The number of sandboxes the pool keeps started.
    #[getter]
    fn size(&self) -> usize {
        self.inner.size()
    }

    fn __repr__(&self) -> String {
        format!("<pyocap.Pool size={}>", self.inner.size())
    }
}

/// A label a guest chose (its class's name), as one line of printable text:
/// a repr never carries a newline or a terminal control sequence into the
/// host's logs.
fn printable(label: &str) -> String {
    label
        .chars()
        .take(200)
        .map(|c| if c.is_control() { '?' } else { c })
        .collect()
}

/// `unwrap(cap, require=None)`: the CPython object a capability designates:
/// host code recognising its own object (an issuer checking a payment it was
/// handed). With `require`, only if the capability passes every one of those
/// names (`PermissionError` otherwise), so a narrow facet never stands in for
/// a wider one. Only CPython code can call it; a guest never holds a module.
#[pyfunction]
#[pyo3(signature = (cap, require=None))]
fn unwrap(
    py: Python<'_>,
    cap: &Bound<'_, Capability>,
    require: Option<&Bound<'_, PyAny>>,
) -> PyResult<Py<PyAny>> {
    let handle = &cap.get().handle;
    let target = match handle.downcast::<PyTarget>() {
        Ok(t) => t,
        Err(CapError::Revoked) => return Err(RevokedError::new_err("the capability has been revoked")),
        Err(_) => {
            return Err(PyTypeError::new_err(
                "the capability designates a guest object, not a CPython object",
            ))
        }
    };
    if let Some(require) = require.filter(|r| !r.is_none()) {
        let filter = handle.filter().map_err(|e| cap_error(py, e))?;
        for name in strings(require, "require")? {
            if !filter.permits(&name) {
                return Err(pyo3::exceptions::PyPermissionError::new_err(format!(
                    "the capability does not pass '{name}'"
                )));
            }
        }
    }
    let (obj, _) = target.object(py).map_err(|e| cap_error(py, e))?;
    Ok(obj.unbind())
}

/// `revoke(cap)`: revokes a capability and every capability derived from it,
/// in every sandbox.
#[pyfunction]
fn revoke(cap: &Bound<'_, Capability>) {
    cap.get().handle.revoke();
}

/// `attenuate(cap, allow)`: a new capability to the same object passing only
/// the names in `allow` that `cap` passes. Revoking `cap` revokes it too.
#[pyfunction]
fn attenuate(py: Python<'_>, cap: &Bound<'_, Capability>, allow: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
    let names = strings(allow, "allow")?;
    let narrowed = cap
        .get()
        .handle
        .attenuate(&Filter::only(names))
        .map_err(|e| cap_error(py, e))?;
    proxy(py, narrowed, &cap.get().registry()?)
}

/// `is_revoked(cap)`: whether the capability has been revoked.
#[pyfunction]
fn is_revoked(cap: &Bound<'_, Capability>) -> bool {
    cap.get().handle.is_revoked()
}

#[pymodule]
fn _pyocap(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_class::<Sandbox>()?;
    m.add_class::<Pool>()?;
    m.add_class::<Mount>()?;
    m.add_class::<Code>()?;
    m.add_class::<Capability>()?;
    m.add_class::<BoundMethod>()?;
    m.add("GuestError", py.get_type::<GuestError>())?;
    m.add("GuestSyntaxError", py.get_type::<GuestSyntaxError>())?;
    m.add("LimitExceeded", py.get_type::<LimitExceeded>())?;
    m.add("DeadlineExceeded", py.get_type::<DeadlineExceeded>())?;
    m.add("FuelExhausted", py.get_type::<FuelExhausted>())?;
    m.add("MemoryLimit", py.get_type::<MemoryLimit>())?;
    m.add("OutputLimit", py.get_type::<OutputLimit>())?;
    m.add("RevokedError", py.get_type::<RevokedError>())?;
    m.add_function(wrap_pyfunction!(revoke, m)?)?;
    m.add_function(wrap_pyfunction!(attenuate, m)?)?;
    m.add_function(wrap_pyfunction!(is_revoked, m)?)?;
    m.add_function(wrap_pyfunction!(unwrap, m)?)?;
    let at_exit = wrap_pyfunction!(_at_exit, m)?;
    py.import("atexit")?.call_method1("register", (at_exit,))?;
    m.add("DEFAULT_MEMORY", 256usize << 20)?;
    Ok(())
}
