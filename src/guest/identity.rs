//! Deterministic identities: no heap address reaches a guest.
//!
//! RustPython's `id()`, the default `hash()` of objects (and so the order of a
//! set of objects), and the default reprs (`<A object at 0x…>`, functions,
//! generators, built-in methods, weak references, code, memory views) are heap
//! addresses, which differ from run to run (and tell an exploit where things
//! are). A sandbox gives each object whose identity is observed a number of
//! its own instead, counted from the first observation: the same program sees
//! the same ids, hashes, reprs, set orders and fuel on every run.
//!
//! The table maps an object's address to its number and holds the object so
//! that the address cannot be reused while the number is in use: weakly for
//! objects that support weak references (a guest instance, a function, a
//! class), strongly otherwise (a list, a dict, `object()`). A strongly held
//! entry whose object nobody else holds any more is dropped when the table
//! next doubles, so such an object lives at most until then (its finalizer
//! runs then, at a point that is itself deterministic). A weakly held one is
//! dropped when its object dies.
//!
//! Every route to an address goes through this module: the `id` builtin, the
//! `__hash__` and `__repr__` slots (and methods) of `object` and of every type
//! that inherits them (replaced by the type sweep, `sweep.rs`), and the slots of
//! the types whose own repr or hash formats an address (the list below, found
//! by reading every use of `get_id()` in RustPython's built-in types and
//! modules that a sandbox has).

use rustpython_vm::builtins::{
    PyCode, PyComplex, PyFloat, PyStr, PyStrRef, PyType, PyWeak,
};
use rustpython_vm::common::hash::PyHash;
use rustpython_vm::{AsObject, Py, PyObject, PyObjectRef, PyRef, PyResult, VirtualMachine};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The first identity, and the step between two: ids look like CPython's.
const BASE: u64 = 0x7f00_0000_0000;
const STEP: u64 = 16;

enum Hold {
    Weak(PyRef<PyWeak>),
    Strong(PyObjectRef),
}

struct Entry {
    id: u64,
    hold: Hold,
}

impl Entry {
    /// Whether the entry still stands for the object at `addr`.
    fn is_for(&self, addr: usize) -> bool {
        match &self.hold {
            Hold::Weak(w) => w
                .upgrade()
                .is_some_and(|o| o.as_object() as *const PyObject as usize == addr),
            Hold::Strong(_) => true,
        }
    }

    /// Whether anything but the table still holds the object.
    fn in_use(&self) -> bool {
        match &self.hold {
            Hold::Weak(w) => w.upgrade().is_some(),
            Hold::Strong(o) => o.strong_count() > 1,
        }
    }
}

#[derive(Default)]
struct Identities {
    next: u64,
    by_address: HashMap<usize, Entry>,
    sweep_at: usize,
    /// Set at teardown: nothing is held any more (the table must be empty when
    /// the thread's interpreter is gone).
    closed: bool,
}

thread_local! {
    static TABLE: RefCell<Identities> = RefCell::new(Identities::default());
}

/// The sandbox's identity of `obj` (what `id(obj)` returns).
pub(crate) fn id_of(obj: &PyObject, vm: &VirtualMachine) -> u64 {
    let addr = obj as *const PyObject as usize;
    let known = TABLE.with(|t| {
        t.borrow()
            .by_address
            .get(&addr)
            .filter(|e| e.is_for(addr))
            .map(|e| e.id)
    });
    if let Some(id) = known {
        return id;
    }
    if TABLE.with(|t| t.borrow().closed) {
        // Teardown, where no guest code runs: an identity that is never kept.
        return BASE + STEP * (addr as u64 >> 4);
    }
    let hold = match obj.to_owned().downgrade(None, vm) {
        Ok(weak) => Hold::Weak(weak),
        Err(_) => Hold::Strong(obj.to_owned()),
    };
    // Entries dropped by a sweep are released after the table's borrow ends:
    // dropping an object may run code that asks for an identity.
    let (id, dropped) = TABLE.with(|t| {
        let mut t = t.borrow_mut();
        let id = BASE + t.next * STEP;
        t.next += 1;
        let replaced = t.by_address.insert(addr, Entry { id, hold });
        let mut dropped: Vec<Entry> = replaced.into_iter().collect();
        if t.by_address.len() >= t.sweep_at {
            let stale: Vec<usize> = t
                .by_address
                .iter()
                .filter(|(_, e)| !e.in_use())
                .map(|(a, _)| *a)
                .collect();
            for a in stale {
                dropped.extend(t.by_address.remove(&a));
            }
            t.sweep_at = (t.by_address.len() * 2).max(1024);
        }
        (id, dropped)
    });
    drop(dropped);
    id
}

/// The default hash of `obj`: from its identity, as CPython's is from its
/// address.
pub(crate) fn hash_of(obj: &PyObject, vm: &VirtualMachine) -> PyHash {
    (id_of(obj, vm) / STEP) as PyHash
}

/// Drops this thread's table (at sandbox teardown, on its thread, inside the
/// interpreter).
pub(crate) fn release() {
    let table = TABLE.try_with(|t| {
        let mut t = t.borrow_mut();
        let table = std::mem::take(&mut *t);
        t.closed = true;
        table
    });
    drop(table);
}

/// Forgets this thread's table without dropping its objects (after an
/// interpreter panic, when nothing may be dropped safely).
pub(crate) fn leak() {
    if let Ok(table) = TABLE.try_with(|t| {
        let mut t = t.borrow_mut();
        let table = std::mem::take(&mut *t);
        t.closed = true;
        table
    }) {
        std::mem::forget(table);
    }
}

type HashFn = fn(&PyObject, &VirtualMachine) -> PyResult<PyHash>;
type ReprFn = fn(&PyObject, &VirtualMachine) -> PyResult<PyRef<PyStr>>;

/// `object`'s own slots, as RustPython made them (the same on every thread).
struct ObjectSlots {
    hash: Option<usize>,
    repr: Option<usize>,
    float_hash: Option<HashFn>,
    complex_hash: Option<HashFn>,
}

static ORIGINAL: OnceLock<ObjectSlots> = OnceLock::new();

/// Installs the identities in this sandbox thread's interpreter: `id`, and the
/// slots of `object` and of the types that format an address themselves.
/// Runs before the builtins are copied for the guest and the library, and
/// before the type sweep (which replaces the inherited slots, [`replace_inherited`]).
pub(crate) fn install(vm: &VirtualMachine) -> PyResult<()> {
    let t = &vm.ctx.types;
    ORIGINAL.get_or_init(|| ObjectSlots {
        hash: t.object_type.slots.hash.load().map(|f| f as usize),
        repr: t.object_type.slots.repr.load().map(|f| f as usize),
        float_hash: t.float_type.slots.hash.load(),
        complex_hash: t.complex_type.slots.hash.load(),
    });
    vm.builtins.set_attr(
        "id",
        vm.new_function("id", |obj: PyObjectRef, vm: &VirtualMachine| {
            vm.ctx.new_int(id_of(&obj, vm))
        }),
        vm,
    )?;
    let set_method = |ty: &'static Py<PyType>, name: &'static str, f: PyObjectRef| {
        ty.attributes.write().insert(vm.ctx.intern_str(name), f);
        ty.modified();
    };
    set_method(
        t.object_type,
        "__hash__",
        super::patch::typed_method(vm, "__hash__", t.object_type, |zelf: PyObjectRef, vm: &VirtualMachine| {
            hash_of(&zelf, vm)
        }),
    );
    set_method(
        t.object_type,
        "__repr__",
        super::patch::typed_method(vm, "__repr__", t.object_type, |zelf: PyObjectRef, vm: &VirtualMachine| {
            object_repr(&zelf, vm)
        }),
    );
    let own: [(&'static Py<PyType>, ReprFn); 8] = [
        (t.function_type, function_repr),
        (t.builtin_function_or_method_type, builtin_repr),
        (t.method_wrapper_type, method_wrapper_repr),
        (t.generator_type, generator_repr),
        (t.coroutine_type, generator_repr),
        (t.async_generator, generator_repr),
        (t.weakref_type, weakref_repr),
        (t.memoryview_type, memoryview_repr),
    ];
    for (ty, f) in own {
        ty.slots.repr.store(Some(f));
    }
    t.code_type.slots.repr.store(Some(code_repr));
    t.bound_method_type.slots.hash.store(Some(bound_method_hash));
    t.method_wrapper_type.slots.hash.store(Some(method_wrapper_hash));
    t.float_type.slots.hash.store(Some(float_hash));
    t.complex_type.slots.hash.store(Some(complex_hash));
    replace_inherited(vm, t.object_type);
    Ok(())
}

/// Gives `ty` the sandbox's default hash and repr where it has `object`'s
/// (inherited by a built-in type when RustPython made it, or by a class).
pub(crate) fn replace_inherited(_vm: &VirtualMachine, ty: &Py<PyType>) {
    let Some(original) = ORIGINAL.get() else {
        return;
    };
    if ty.slots.hash.load().map(|f| f as usize) == original.hash && original.hash.is_some() {
        ty.slots.hash.store(Some(default_hash));
    }
    if ty.slots.repr.load().map(|f| f as usize) == original.repr && original.repr.is_some() {
        ty.slots.repr.store(Some(default_repr));
    }
}

fn default_hash(zelf: &PyObject, vm: &VirtualMachine) -> PyResult<PyHash> {
    Ok(hash_of(zelf, vm))
}

fn default_repr(zelf: &PyObject, vm: &VirtualMachine) -> PyResult<PyRef<PyStr>> {
    object_repr(zelf, vm).map(|s| vm.ctx.new_str(s))
}

fn text(obj: Option<PyObjectRef>) -> Option<String> {
    obj.and_then(|o| o.downcast_ref::<PyStr>().map(|s| s.to_string_lossy().into_owned()))
}

fn attr(obj: &PyObject, name: &str, vm: &VirtualMachine) -> Option<PyObjectRef> {
    vm.get_attribute_opt(obj.to_owned(), &*vm.ctx.new_str(name))
        .ok()
        .flatten()
}

/// `<module.Qualname object at 0x…>`, as RustPython's `object.__repr__`.
fn object_repr(zelf: &PyObject, vm: &VirtualMachine) -> PyResult<String> {
    let class = zelf.class();
    let id = id_of(zelf, vm);
    let qualname = text(Some(class.__qualname__(vm)))
        .ok_or_else(|| vm.new_type_error("Unknown qualified name"))?;
    Ok(match text(Some(class.__module__(vm))) {
        Some(module) if module != "builtins" => {
            format!("<{module}.{qualname} object at {id:#x}>")
        }
        _ => format!("<{} object at {id:#x}>", class.slot_name()),
    })
}

fn new_str(vm: &VirtualMachine, s: String) -> PyResult<PyRef<PyStr>> {
    Ok(vm.ctx.new_str(s))
}

fn function_repr(zelf: &PyObject, vm: &VirtualMachine) -> PyResult<PyRef<PyStr>> {
    let name = text(attr(zelf, "__qualname__", vm)).unwrap_or_else(|| "?".into());
    new_str(vm, format!("<function {name} at {:#x}>", id_of(zelf, vm)))
}

fn builtin_repr(zelf: &PyObject, vm: &VirtualMachine) -> PyResult<PyRef<PyStr>> {
    let name = text(attr(zelf, "__name__", vm)).unwrap_or_else(|| "?".into());
    // `__self__` reads `None` for a module's function (see `types.rs`).
    match attr(zelf, "__self__", vm).filter(|s| !vm.is_none(s)) {
        Some(bound) => new_str(
            vm,
            format!(
                "<built-in method {name} of {} object at {:#x}>",
                bound.class().name(),
                id_of(&bound, vm)
            ),
        ),
        None => new_str(vm, format!("<built-in function {name}>")),
    }
}

fn method_wrapper_repr(zelf: &PyObject, vm: &VirtualMachine) -> PyResult<PyRef<PyStr>> {
    let name = text(attr(zelf, "__name__", vm)).unwrap_or_else(|| "?".into());
    let bound = attr(zelf, "__self__", vm).unwrap_or_else(|| vm.ctx.none());
    new_str(
        vm,
        format!(
            "<method-wrapper '{name}' of {} object at {:#x}>",
            bound.class().name(),
            id_of(&bound, vm)
        ),
    )
}

fn generator_repr(zelf: &PyObject, vm: &VirtualMachine) -> PyResult<PyRef<PyStr>> {
    let name = text(attr(zelf, "__qualname__", vm)).unwrap_or_else(|| "?".into());
    let kind = zelf.class().slot_name();
    new_str(vm, format!("<{kind} object {name} at {:#x}>", id_of(zelf, vm)))
}

fn weakref_repr(zelf: &PyObject, vm: &VirtualMachine) -> PyResult<PyRef<PyStr>> {
    let id = id_of(zelf, vm);
    let target = zelf.downcast_ref::<PyWeak>().and_then(|w| w.upgrade());
    new_str(
        vm,
        match target {
            Some(o) => format!(
                "<weakref at {id:#x}; to '{}' at {:#x}>",
                o.class().name(),
                id_of(&o, vm)
            ),
            None => format!("<weakref at {id:#x}; dead>"),
        },
    )
}

fn memoryview_repr(zelf: &PyObject, vm: &VirtualMachine) -> PyResult<PyRef<PyStr>> {
    let id = id_of(zelf, vm);
    // A released view refuses every attribute of its buffer.
    let released = vm
        .get_attribute_opt(zelf.to_owned(), "nbytes")
        .is_err();
    new_str(
        vm,
        if released {
            format!("<released memory at {id:#x}>")
        } else {
            format!("<memory at {id:#x}>")
        },
    )
}

fn code_repr(zelf: &PyObject, vm: &VirtualMachine) -> PyResult<PyRef<PyStr>> {
    let id = id_of(zelf, vm);
    let Some(code) = zelf.downcast_ref::<PyCode>() else {
        return new_str(vm, format!("<code object at {id:#x}>"));
    };
    let line = code.code.first_line_number.map_or(0, |n| n.get());
    new_str(
        vm,
        format!(
            "<code object {} at {id:#x} file {:?}, line {line}>",
            code.code.obj_name.as_str(),
            code.code.source_path.as_str()
        ),
    )
}

fn bound_method_hash(zelf: &PyObject, vm: &VirtualMachine) -> PyResult<PyHash> {
    let bound = attr(zelf, "__self__", vm).unwrap_or_else(|| vm.ctx.none());
    let func = attr(zelf, "__func__", vm).unwrap_or_else(|| vm.ctx.none());
    let h = hash_of(&bound, vm) ^ func.hash(vm)?;
    Ok(if h == -1 { -2 } else { h })
}

fn method_wrapper_hash(zelf: &PyObject, vm: &VirtualMachine) -> PyResult<PyHash> {
    let bound = attr(zelf, "__self__", vm).unwrap_or_else(|| vm.ctx.none());
    let name: Option<PyStrRef> = attr(zelf, "__name__", vm).and_then(|n| n.downcast().ok());
    let h = hash_of(&bound, vm) ^ name.map_or(0, |n| n.as_object().hash(vm).unwrap_or(0));
    Ok(if h == -1 { -2 } else { h })
}

/// A NaN's hash is its identity's (CPython 3.10+ hashes it by address).
fn float_hash(zelf: &PyObject, vm: &VirtualMachine) -> PyResult<PyHash> {
    match zelf.downcast_ref::<PyFloat>() {
        Some(f) if f.to_f64().is_nan() => Ok(hash_of(zelf, vm)),
        _ => match ORIGINAL.get().and_then(|o| o.float_hash) {
            Some(original) => original(zelf, vm),
            None => Ok(0),
        },
    }
}

fn complex_hash(zelf: &PyObject, vm: &VirtualMachine) -> PyResult<PyHash> {
    match zelf.downcast_ref::<PyComplex>() {
        Some(c) if c.to_complex().re.is_nan() || c.to_complex().im.is_nan() => {
            Ok(hash_of(zelf, vm))
        }
        _ => match ORIGINAL.get().and_then(|o| o.complex_hash) {
            Some(original) => original(zelf, vm),
            None => Ok(0),
        },
    }
}
