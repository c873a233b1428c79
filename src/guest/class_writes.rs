//! Writes to types (SPEC §4.3, §7 *Re-entrancy*): every native type is
//! immutable whatever its flags say; a class whose attribute table a native
//! operation is reading cannot be written by any route; `__bases__` takes an
//! exact tuple, refuses cycles and keeps the subclass lists true.

use std::sync::OnceLock;
use rustpython_vm::builtins::{PyStr, PyStrRef, PyType};
use rustpython_vm::function::PySetterValue;
use rustpython_vm::types::PyTypeFlags;
use rustpython_vm::{AsObject, Py, PyObject, PyObjectRef, PyRef, PyResult, VirtualMachine};

type SetAttroFn = fn(&PyObject, &Py<PyStr>, PySetterValue, &VirtualMachine) -> PyResult<()>;

/// `type`'s own attribute setter, which the guard delegates to for guest classes.
static TYPE_SETATTRO: OnceLock<SetAttroFn> = OnceLock::new();

/// Makes every native type immutable, whatever its flags say (RustPython leaves
/// some, such as `slice`, mutable): attribute assignment and deletion on a type
/// that is not a heap type (a class the guest defined) are refused. Both routes
/// are guarded: the `setattro` slot (`setattr(t, ..)`, `t.x = ..`) and the
/// `type.__setattr__` / `type.__delattr__` wrappers, which captured the original
/// function.
pub(super) fn make_native_types_immutable(vm: &VirtualMachine) {
    let type_type = vm.ctx.types.type_type;
    let current = type_type.slots.setattro.load();
    if let Some(original) = current {
        if original as usize != guarded_type_setattro as SetAttroFn as usize {
            let _ = TYPE_SETATTRO.set(original);
        }
    }
    type_type.slots.setattro.store(Some(guarded_type_setattro));
    let set = super::patch::typed_method(
        vm,
        "__setattr__",
        type_type,
        |zelf: PyObjectRef, name: PyStrRef, value: PyObjectRef, vm: &VirtualMachine| {
            guarded_type_setattro(&zelf, &name, PySetterValue::Assign(value), vm)
        },
    );
    let del = super::patch::typed_method(
        vm,
        "__delattr__",
        type_type,
        |zelf: PyObjectRef, name: PyStrRef, vm: &VirtualMachine| {
            guarded_type_setattro(&zelf, &name, PySetterValue::Delete, vm)
        },
    );
    let mut attrs = type_type.attributes.write();
    attrs.insert(vm.ctx.intern_str("__setattr__"), set);
    attrs.insert(vm.ctx.intern_str("__delattr__"), del);
    drop(attrs);
    type_type.modified();
    // Every field of `type` that writes a class is probed too (its own
    // `__set__` does not pass through `setattro`); `__bases__` is checked.
    let fields: Vec<&'static str> = type_type
        .attributes
        .read()
        .iter()
        .filter(|(_, v)| v.class().is(vm.ctx.types.getset_type))
        .map(|(k, _)| k.as_str())
        .collect();
    for name in fields {
        let setter: super::exclusive::Setter = if name == "__bases__" { set_bases } else { set_class_field };
        super::exclusive::replace_setter(type_type, name, setter, vm);
    }
}

/// A class whose attribute table a native operation is reading cannot be
/// written: RustPython's class creation holds the new class's table while it
/// looks up each attribute's `__set_name__`, and a lookup that ran guest code
/// (a `property`, a guest descriptor) could write to that class (found
/// through `Base.__subclasses__()`), taking the lock twice, an interpreter
/// panic. Every write to a class (`setattr`, `delattr`, `type.__setattr__`, a
/// field of `type` set by its own `__set__`) first asks for the table
/// without waiting; if a native operation holds it, the write is a
/// `RuntimeError`.
fn check_class_writable(ty: &PyType, vm: &VirtualMachine) -> PyResult<()> {
    if ty.attributes.try_write().is_none() {
        return Err(vm.new_runtime_error(format!(
            "class '{}' cannot change while the interpreter is reading it",
            ty.name()
        )));
    }
    Ok(())
}

fn set_class_field(
    obj: &PyObject,
    value: PySetterValue,
    original: &dyn Fn(PySetterValue) -> PyResult<()>,
    vm: &VirtualMachine,
) -> PyResult<()> {
    if let Some(ty) = obj.downcast_ref::<PyType>() {
        check_class_writable(ty, vm)?;
    }
    original(value)
}

/// `C.__bases__ = bases`, with what RustPython's setter lacks: the value is an
/// exact tuple (CPython's rule; any iterable let guest code run inside the
/// setter), a base that is the class or one of its subclasses is an
/// inheritance cycle (`TypeError`, as in CPython; RustPython's update of the
/// method resolution orders recursed into the class again, a lock taken
/// twice), the class leaves its old bases' subclass lists (RustPython kept it
/// there, and a later assignment met the stale entry as a cycle), and dead
/// classes' entries are dropped from the lists below it (RustPython upgraded
/// each with an `unwrap`, an interpreter panic once a subclass had died).
fn set_bases(
    obj: &PyObject,
    value: PySetterValue,
    original: &dyn Fn(PySetterValue) -> PyResult<()>,
    vm: &VirtualMachine,
) -> PyResult<()> {
    let Some(ty) = obj.downcast_ref::<PyType>() else {
        return original(value);
    };
    check_class_writable(ty, vm)?;
    let PySetterValue::Assign(bases) = &value else {
        return original(value);
    };
    let Some(tuple) = bases.downcast_ref_if_exact::<rustpython_vm::builtins::PyTuple>(vm) else {
        return Err(vm.new_type_error(format!(
            "can only assign tuple to {}.__bases__, not {}",
            ty.name(),
            bases.class().name()
        )));
    };
    for base in tuple.iter() {
        if let Some(base) = base.downcast_ref::<PyType>() {
            if base.fast_issubclass(ty.as_object()) {
                return Err(vm.new_type_error("a __bases__ item causes an inheritance cycle"));
            }
        }
    }
    if !ty.slots.flags.has_feature(PyTypeFlags::HEAPTYPE) {
        return original(value);
    }
    let old: Vec<PyRef<PyType>> = ty.bases.read().clone();
    let me = ty.as_object();
    for base in &old {
        base.subclasses
            .write()
            .retain(|w| w.upgrade().is_some_and(|s| !s.is(me)));
    }
    prune_dead_subclasses(ty);
    let outcome = original(value);
    // New bases gave the class and its subclasses new slots.
    super::dispatch::count_from(ty);
    if outcome.is_err() {
        // Nothing changed: the class goes back into its old bases' lists.
        for base in &old {
            if let Ok(weak) = me.downgrade(None, vm) {
                base.subclasses.write().push(weak);
            }
        }
    }
    outcome
}

fn guarded_type_setattro(
    obj: &PyObject,
    name: &Py<PyStr>,
    value: PySetterValue,
    vm: &VirtualMachine,
) -> PyResult<()> {
    let Some(ty) = obj.downcast_ref::<PyType>() else {
        return Err(vm.new_type_error("descriptor '__setattr__' requires a 'type' object"));
    };
    let library_loading = super::state::library_loading();
    if !ty.slots.flags.has_feature(PyTypeFlags::HEAPTYPE) && !library_loading {
        return Err(vm.new_type_error(format!(
            "cannot set '{}' attribute of immutable type '{}'",
            name.to_string_lossy(),
            ty.name()
        )));
    }
    check_class_writable(ty, vm)?;
    match TYPE_SETATTRO.get() {
        Some(original) => {
            original(obj, name, value, vm)?;
            // A `__del__` assigned to a class sets its (and its subclasses')
            // finalizer slot: deferred like every other.
            if name.as_wtf8() == "__del__" {
                super::finalize::defer_finalizers_from(ty);
            }
            // A special method written rewrote the slots of the class and
            // of its subclasses: they are counted again (SPEC §5.2).
            if name.as_wtf8().starts_with("__") {
                super::dispatch::count_from(ty);
            }
            Ok(())
        }
        None => Err(vm.new_type_error("type attributes cannot be set in this sandbox")),
    }
}

/// Drops the entries of dead classes from the subclass lists of `ty` and of
/// every class below it (see [`set_bases`]).
fn prune_dead_subclasses(ty: &PyType) {
    let mut stack: Vec<PyRef<PyType>> = Vec::new();
    let visit = |t: &PyType, stack: &mut Vec<PyRef<PyType>>| {
        let mut subs = t.subclasses.write();
        subs.retain(|w| w.upgrade().is_some());
        stack.extend(
            subs.iter()
                .filter_map(|w| w.upgrade())
                .filter_map(|s| s.downcast::<PyType>().ok()),
        );
    };
    visit(ty, &mut stack);
    let mut seen = std::collections::HashSet::new();
    while let Some(t) = stack.pop() {
        if seen.insert(t.get_id()) {
            visit(&t, &mut stack);
        }
    }
}
