//! `property`, `staticmethod` and `classmethod` call what they wrap with no
//! lock of theirs held (SPEC §7, *Re-entrancy*).
//!
//! RustPython reads a property's getter as `if let Some(g) = getter.read().clone()
//! { g.call(..) }`, which keeps the read guard for the whole call: a getter
//! (or setter, deleter, or the `__isabstractmethod__` test) that re-initialised
//! its own property (`__init__` writes the fields) took the lock a second time,
//! an interpreter panic. `staticmethod` and `classmethod` forward `__name__`,
//! `__qualname__`, `__module__`, `__annotations__`, `__annotate__`,
//! `__isabstractmethod__` and their repr to the wrapped callable holding their
//! own lock, and their repr `unwrap`ped the callable's repr (a panic on a repr
//! that raises).
//!
//! Each such slot, method and field is replaced by the same operation done in
//! two steps: the wrapped callable is read through the type's own field
//! (`fget`, `__func__`: a short lock), then called with nothing held. The
//! error paths (no getter, no setter) are the interpreter's own.

use super::patch::typed_method;
use rustpython_vm::builtins::{PyStr, PyType};
use rustpython_vm::function::PySetterValue;
use rustpython_vm::{AsObject, Py, PyObject, PyObjectRef, PyRef, PyResult, VirtualMachine};
use std::sync::OnceLock;

type DescrGet = fn(PyObjectRef, Option<PyObjectRef>, Option<PyObjectRef>, &VirtualMachine) -> PyResult;
type DescrSet = fn(&PyObject, PyObjectRef, PySetterValue, &VirtualMachine) -> PyResult<()>;
type Repr = fn(&PyObject, &VirtualMachine) -> PyResult<PyRef<PyStr>>;

/// The interpreter's own property slots, for the error paths.
static PROPERTY: OnceLock<(DescrGet, DescrSet)> = OnceLock::new();

/// The value of the native field `name` (a getset of `ty`) of `zelf`.
fn field(ty: &Py<PyType>, name: &'static str, zelf: &PyObject, vm: &VirtualMachine) -> PyResult {
    let getset = ty
        .attributes
        .read()
        .get(vm.ctx.intern_str(name))
        .cloned()
        .ok_or_else(|| vm.new_attribute_error(format!("no field {name}")))?;
    super::patch::read_field(getset, zelf.to_owned(), vm)
}

fn property_get(
    zelf: PyObjectRef,
    obj: Option<PyObjectRef>,
    cls: Option<PyObjectRef>,
    vm: &VirtualMachine,
) -> PyResult {
    let (original_get, _) = PROPERTY.get().expect("installed");
    let Some(instance) = obj.as_ref().filter(|o| !vm.is_none(o)) else {
        return original_get(zelf, obj, cls, vm);
    };
    let fget = field(vm.ctx.types.property_type, "fget", &zelf, vm)?;
    if vm.is_none(&fget) {
        return original_get(zelf, obj, cls, vm);
    }
    fget.call((instance.clone(),), vm)
}

fn property_set(
    zelf: &PyObject,
    obj: PyObjectRef,
    value: PySetterValue,
    vm: &VirtualMachine,
) -> PyResult<()> {
    let (_, original_set) = PROPERTY.get().expect("installed");
    let which = match value {
        PySetterValue::Assign(_) => "fset",
        PySetterValue::Delete => "fdel",
    };
    let f = field(vm.ctx.types.property_type, which, zelf, vm)?;
    if vm.is_none(&f) {
        return original_set(zelf, obj, value, vm);
    }
    match value {
        PySetterValue::Assign(value) => f.call((obj, value), vm).map(drop),
        PySetterValue::Delete => f.call((obj,), vm).map(drop),
    }
}

/// `property.__isabstractmethod__`: any of the three functions is abstract.
fn property_isabstract(zelf: PyObjectRef, vm: &VirtualMachine) -> PyResult {
    // One level of the recursion count: a chain of properties nested in each
    // other forwards this natively, level by level (SPEC §5.2).
    vm.with_recursion(" while getting __isabstractmethod__", || property_isabstract_uncounted(zelf, vm))
}

fn property_isabstract_uncounted(zelf: PyObjectRef, vm: &VirtualMachine) -> PyResult {
    for which in ["fget", "fset", "fdel"] {
        let f = field(vm.ctx.types.property_type, which, &zelf, vm)?;
        if vm.is_none(&f) {
            continue;
        }
        // A missing attribute is "not abstract"; any other error (a
        // `RecursionError` of a deep chain) is raised, as in CPython.
        match f.get_attr("__isabstractmethod__", vm) {
            Ok(abstract_) => {
                if abstract_.try_to_bool(vm)? {
                    return Ok(vm.ctx.new_bool(true).into());
                }
            }
            Err(e) if e.fast_isinstance(vm.ctx.exceptions.attribute_error) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(vm.ctx.new_bool(false).into())
}

/// `property`'s `__get__` slot as it is now (counted after the sweep).
fn descr_get_slot(vm: &VirtualMachine) -> DescrGet {
    vm.ctx.types.property_type.slots.descr_get.load().unwrap_or(property_get)
}

/// `property`'s `__set__` slot as it is now (counted after the sweep).
fn descr_set_slot(vm: &VirtualMachine) -> DescrSet {
    vm.ctx.types.property_type.slots.descr_set.load().unwrap_or(property_set)
}

fn install_property(vm: &VirtualMachine) {
    let ty = vm.ctx.types.property_type;
    let (Some(get), Some(set)) = (ty.slots.descr_get.load(), ty.slots.descr_set.load()) else {
        return;
    };
    if get as usize == property_get as DescrGet as usize {
        return;
    }
    PROPERTY.get_or_init(|| (get, set));
    ty.slots.descr_get.store(Some(property_get as DescrGet));
    ty.slots.descr_set.store(Some(property_set as DescrSet));
    let mut attrs = ty.attributes.write();
    attrs.insert(
        vm.ctx.intern_str("__get__"),
        typed_method(
            vm,
            "__get__",
            ty,
            |zelf: PyObjectRef, obj: PyObjectRef, cls: rustpython_vm::function::OptionalArg<PyObjectRef>, vm: &VirtualMachine| {
                let cls = cls.into_option().filter(|c| !vm.is_none(c));
                if vm.is_none(&obj) && cls.is_none() {
                    return Err(vm.new_type_error("__get__(None, None) is invalid"));
                }
                let obj = (!vm.is_none(&obj)).then_some(obj);
                // Through the slot, which enters the recursion count
                // (`dispatch.rs`): a chain of properties over each other's
                // `__get__` recursed natively.
                descr_get_slot(vm)(zelf, obj, cls, vm)
            },
        ),
    );
    attrs.insert(
        vm.ctx.intern_str("__set__"),
        typed_method(
            vm,
            "__set__",
            ty,
            |zelf: PyObjectRef, obj: PyObjectRef, value: PyObjectRef, vm: &VirtualMachine| {
                descr_set_slot(vm)(&zelf, obj, PySetterValue::Assign(value), vm)
            },
        ),
    );
    attrs.insert(
        vm.ctx.intern_str("__delete__"),
        typed_method(
            vm,
            "__delete__",
            ty,
            |zelf: PyObjectRef, obj: PyObjectRef, vm: &VirtualMachine| {
                descr_set_slot(vm)(&zelf, obj, PySetterValue::Delete, vm)
            },
        ),
    );
    let isabstract = vm.ctx.new_static_getset(
        "__isabstractmethod__",
        ty,
        property_isabstract,
        |zelf: PyObjectRef, value: PyObjectRef, vm: &VirtualMachine| -> PyResult<()> {
            let fget = field(vm.ctx.types.property_type, "fget", &zelf, vm)?;
            if !vm.is_none(&fget) {
                fget.set_attr("__isabstractmethod__", value, vm)?;
            }
            Ok(())
        },
    );
    attrs.insert(vm.ctx.intern_str("__isabstractmethod__"), isabstract.into());
    drop(attrs);
    ty.modified();
}

/// The names `staticmethod` and `classmethod` forward to what they wrap.
const FORWARDED: [&str; 6] = [
    "__module__",
    "__qualname__",
    "__name__",
    "__annotations__",
    "__annotate__",
    "__isabstractmethod__",
];

/// Replaces the forwarding fields and the repr of `staticmethod` or
/// `classmethod` (`ty`): the wrapped callable is read through `__func__`.
fn install_wrapper_type(ty: &'static Py<PyType>, repr: Repr, vm: &VirtualMachine) {
    let mut attrs = ty.attributes.write();
    for name in FORWARDED {
        let key = vm.ctx.intern_str(name);
        if attrs.get(key).is_none() {
            continue;
        }
        // Each forwards to the wrapped callable natively: counted (SPEC
        // §5.2), so a chain of wrappers nested in each other ends in
        // `RecursionError`, not a native stack overflow.
        let getter = move |zelf: PyObjectRef, vm: &VirtualMachine| -> PyResult {
            vm.with_recursion(" while getting an attribute", || {
                let func = wrapped(&zelf, vm)?;
                if name == "__isabstractmethod__" {
                    return Ok(match vm.get_attribute_opt(func, name) {
                        Ok(Some(v)) => v,
                        Ok(None) => vm.ctx.new_bool(false).into(),
                        Err(e) if e.fast_isinstance(vm.ctx.exceptions.attribute_error) => {
                            vm.ctx.new_bool(false).into()
                        }
                        Err(e) => return Err(e),
                    });
                }
                func.get_attr(name, vm)
            })
        };
        let setter = move |zelf: PyObjectRef, value: PySetterValue, vm: &VirtualMachine| -> PyResult<()> {
            vm.with_recursion(" while setting an attribute", || match value {
                PySetterValue::Assign(v) if matches!(name, "__annotations__" | "__annotate__" | "__isabstractmethod__") => {
                    wrapped(&zelf, vm)?.set_attr(name, v, vm)
                }
                // Deleting the annotations is ignored, as in CPython.
                PySetterValue::Delete if matches!(name, "__annotations__" | "__annotate__") => Ok(()),
                _ => Err(vm.new_attribute_error(format!("attribute '{name}' is read-only"))),
            })
        };
        let getset = vm.ctx.new_static_getset(name, ty, getter, setter);
        attrs.insert(key, getset.into());
    }
    attrs.insert(
        vm.ctx.intern_str("__repr__"),
        typed_method(vm, "__repr__", ty, move |zelf: PyObjectRef, vm: &VirtualMachine| {
            repr(&zelf, vm)
        }),
    );
    drop(attrs);
    ty.slots.repr.store(Some(repr));
    ty.modified();
}

/// The callable a `staticmethod` or `classmethod` wraps, read through the
/// native `__func__` field of the built-in type `zelf` derives from.
fn wrapped(zelf: &PyObject, vm: &VirtualMachine) -> PyResult {
    let native = if zelf.fast_isinstance(vm.ctx.types.staticmethod_type) {
        vm.ctx.types.staticmethod_type
    } else {
        vm.ctx.types.classmethod_type
    };
    field(native, "__func__", zelf, vm)
}

fn wrapper_repr(kind: &str, zelf: &PyObject, vm: &VirtualMachine) -> PyResult<PyRef<PyStr>> {
    let func = wrapped(zelf, vm)?;
    let inner = func.repr(vm)?;
    Ok(vm.ctx.new_str(format!("<{kind}({})>", inner.as_wtf8())))
}

fn staticmethod_repr(zelf: &PyObject, vm: &VirtualMachine) -> PyResult<PyRef<PyStr>> {
    wrapper_repr("staticmethod", zelf, vm)
}

fn classmethod_repr(zelf: &PyObject, vm: &VirtualMachine) -> PyResult<PyRef<PyStr>> {
    wrapper_repr("classmethod", zelf, vm)
}

/// Installs the three types' replacements (before the type sweep, which meters
/// the reprs installed here).
pub(crate) fn install(vm: &VirtualMachine) {
    install_property(vm);
    install_wrapper_type(vm.ctx.types.staticmethod_type, staticmethod_repr, vm);
    install_wrapper_type(vm.ctx.types.classmethod_type, classmethod_repr, vm);
}
