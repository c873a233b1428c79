//! Native objects whose operations hold their own lock while they call guest
//! code are used by one native operation at a time (SPEC §7, *Re-entrancy*).
//!
//! RustPython's built-in iterators keep their position behind a lock and hold
//! it while they ask guest code for the next item: `iter(seq)` calls the
//! sequence's `__getitem__`, `reversed(seq)` and `__length_hint__` its
//! `__len__`, `iter(f, sentinel)` the item's `__eq__`, `itertools.count` the
//! counter's `__add__` and `__repr__`, `map` its function. Guest code that
//! advanced the same iterator meanwhile (`next(it)` inside `__getitem__`) took
//! the lock a second time: an interpreter panic. Rather than find every such
//! iterator, every native iterator type is exclusive: its `__next__` slot (as
//! native loops and `for` reach it), its methods and its repr mark the
//! iterator in use for the length of the call, and a use that starts while
//! another is running raises `RuntimeError` before it touches the lock —
//! as CPython's generators refuse to be re-entered (`ValueError: generator
//! already executing`). Generators, coroutines and the asynchronous
//! generators' awaitables keep that check of their own and are left alone.
//!
//! The mark is an object's address in a short per-thread list; it is never
//! shown to the guest.

use super::patch::{native_methods, replace_method};
use rustpython_vm::builtins::PyType;
use rustpython_vm::convert::ToPyResult;
use rustpython_vm::types::PyTypeFlags;
use rustpython_vm::{AsObject, Py, PyObject, PyResult, VirtualMachine};
use std::cell::RefCell;

thread_local! {
    /// The objects a native operation is using on this thread.
    static IN_USE: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// An object marked in use; the mark goes when this is dropped.
pub(crate) struct InUse(usize);

impl Drop for InUse {
    fn drop(&mut self) {
        IN_USE.with(|u| {
            let mut u = u.borrow_mut();
            if let Some(pos) = u.iter().rposition(|a| *a == self.0) {
                u.swap_remove(pos);
            }
        });
    }
}

/// Marks `obj` in use by a native operation, or refuses if one is using it.
pub(crate) fn enter(obj: &PyObject, vm: &VirtualMachine) -> PyResult<InUse> {
    let addr = obj as *const PyObject as usize;
    let busy = IN_USE.with(|u| {
        let mut u = u.borrow_mut();
        if u.contains(&addr) {
            true
        } else {
            u.push(addr);
            false
        }
    });
    if busy {
        return Err(vm.new_runtime_error(format!(
            "'{}' object used again by guest code its own native operation called",
            obj.class().name()
        )));
    }
    Ok(InUse(addr))
}

/// Whether `ty`'s `__next__` is a native iterator's that the mark must guard:
/// a native type, other than the generator family (which refuses re-entry
/// itself). (The metered `for` iterator, which guards the iterator it wraps,
/// is left out by its caller.)
pub(crate) fn is_exclusive_iterator(ty: &Py<PyType>, vm: &VirtualMachine) -> bool {
    let t = &vm.ctx.types;
    ty.slots.iternext.load().is_some()
        && !ty.slots.flags.has_feature(PyTypeFlags::HEAPTYPE)
        && ![
            t.generator_type,
            t.coroutine_wrapper_type,
            t.async_generator_asend,
            t.async_generator_athrow,
            t.anext_awaitable,
        ]
        .iter()
        .any(|g| ty.is(*g))
}

/// The methods of an exclusive iterator type: `__next__` and `__repr__` go
/// through their slots (which carry the mark, the fuel meter and the repr
/// check; the interpreter made these methods from the slot functions and
/// called those directly), every other native method takes the mark itself.
pub(crate) fn guard_methods(ty: &'static Py<PyType>, vm: &VirtualMachine) {
    let names = native_methods(ty, vm);
    for name in names {
        match name {
            "__next__" => replace_method(ty, name, vm, move |zelf, args, _original, vm| {
                if !args.args.is_empty() || !args.kwargs.is_empty() {
                    return Err(vm.new_type_error("__next__() takes no arguments"));
                }
                let Some(next) = ty.slots.iternext.load() else {
                    return Err(vm.new_type_error("not an iterator"));
                };
                next(&zelf, vm).to_pyresult(vm)
            }),
            "__repr__" => replace_method(ty, name, vm, move |zelf, args, _original, vm| {
                if !args.args.is_empty() || !args.kwargs.is_empty() {
                    return Err(vm.new_type_error("__repr__() takes no arguments"));
                }
                let Some(repr) = ty.slots.repr.load() else {
                    return Err(vm.new_type_error("no repr"));
                };
                repr(&zelf, vm).map(Into::into)
            }),
            // Attribute access, comparison, hashing and the rest read nothing
            // behind the iterator's lock.
            "__getattribute__" | "__setattr__" | "__delattr__" | "__eq__" | "__ne__" | "__lt__"
            | "__le__" | "__gt__" | "__ge__" | "__hash__" | "__iter__" | "__init__" | "__new__"
            | "__class_getitem__" => {}
            _ => replace_method(ty, name, vm, |zelf, mut args, original, vm| {
                let _in_use = enter(&zelf, vm)?;
                args.prepend_arg(zelf);
                original.call(args, vm)
            }),
        }
    }
}

thread_local! {
    /// The original fields behind [`guard_getsets`], by type and name. Emptied
    /// at the sandbox's tear-down ([`release`]), inside the interpreter.
    static FIELDS: RefCell<Vec<(usize, &'static str, rustpython_vm::PyObjectRef)>> =
        const { RefCell::new(Vec::new()) };
}

fn original_field(key: usize, name: &str) -> Option<rustpython_vm::PyObjectRef> {
    FIELDS.with(|f| {
        f.borrow()
            .iter()
            .find(|(t, n, _)| *t == key && *n == name)
            .map(|(_, _, o)| o.clone())
    })
}

/// Makes the read-only fields `names` of `ty` exclusive: reading one marks the
/// object in use while the original getter runs. For fields whose getter holds
/// the object's lock while it calls guest code (a PEP 695 `TypeVar`'s lazily
/// evaluated `__bound__` and `__constraints__`).
pub(crate) fn guard_getsets(ty: &'static Py<PyType>, names: &[&'static str], vm: &VirtualMachine) {
    let key = ty as *const Py<PyType> as usize;
    for &name in names {
        let interned = vm.ctx.intern_str(name);
        let Some(original) = ty.attributes.read().get(interned).cloned() else {
            continue;
        };
        if original_field(key, name).is_some() {
            continue;
        }
        FIELDS.with(|f| f.borrow_mut().push((key, name, original)));
        let getter = move |zelf: rustpython_vm::PyObjectRef, vm: &VirtualMachine| -> PyResult {
            let _in_use = enter(&zelf, vm)?;
            let Some(field) = original_field(key, name) else {
                return Err(vm.new_attribute_error(format!("no field {name}")));
            };
            super::patch::read_field(field, zelf.clone(), vm)
        };
        let getset = vm.ctx.new_readonly_getset(name, ty, getter);
        ty.attributes.write().insert(interned, getset.into());
    }
    ty.modified();
}

/// Forgets this thread's original fields (inside the interpreter, at tear-down).
pub(crate) fn release() {
    let _ = FIELDS.try_with(|f| f.borrow_mut().clear());
}

/// A replaced field's setter: it gets the value and the original setter.
pub(crate) type Setter = fn(
    &rustpython_vm::PyObject,
    rustpython_vm::function::PySetterValue,
    &dyn Fn(rustpython_vm::function::PySetterValue) -> PyResult<()>,
    &VirtualMachine,
) -> PyResult<()>;

/// Replaces the field `name` of `ty` (a getset) by one that reads through the
/// original and sets through `setter`, which decides whether and how the
/// original setter runs (the field's own `__set__` is reached by
/// `type(x).__dict__[name].__set__(x, v)`, which `setattr` does not see).
pub(crate) fn replace_setter(ty: &'static Py<PyType>, name: &'static str, setter: Setter, vm: &VirtualMachine) {
    let key = ty as *const Py<PyType> as usize;
    let interned = vm.ctx.intern_str(name);
    let Some(original) = ty.attributes.read().get(interned).cloned() else {
        return;
    };
    if original_field(key, name).is_some() || original.class().slots.descr_set.load().is_none() {
        return;
    }
    FIELDS.with(|f| f.borrow_mut().push((key, name, original)));
    let field = move |vm: &VirtualMachine| {
        original_field(key, name).ok_or_else(|| vm.new_attribute_error(format!("no field {name}")))
    };
    let getter = move |zelf: rustpython_vm::PyObjectRef, vm: &VirtualMachine| -> PyResult {
        super::patch::read_field(field(vm)?, zelf, vm)
    };
    let set = move |zelf: rustpython_vm::PyObjectRef,
                    value: rustpython_vm::function::PySetterValue,
                    vm: &VirtualMachine|
          -> PyResult<()> {
        let f = field(vm)?;
        let Some(original) = f.class().slots.descr_set.load() else {
            return Err(vm.new_attribute_error(format!("attribute '{name}' is read-only")));
        };
        setter(&zelf, value, &|value| original(&f, zelf.clone(), value, vm), vm)
    };
    let getset = vm.ctx.new_static_getset(name, ty, getter, set);
    ty.attributes.write().insert(interned, getset.into());
    ty.modified();
}
