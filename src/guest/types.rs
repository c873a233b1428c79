//! What guest code may reach on the built-in types: an allowlist per type,
//! applied to the sandbox thread's own types before any guest code runs, and
//! again to the native types a library import creates.
//!
//! Two kinds of built-in type:
//!
//! - **machinery and root types** — `object`, `type`, functions, code, frames,
//!   tracebacks, generators and coroutines, cells, builtin functions, bound
//!   methods, `AttributeError` — keep exactly the names in [`explicit_allowlist`];
//!   everything else is removed (`__globals__`, `__code__`, `__closure__`,
//!   `__builtins__`, `__defaults__`, `gi_frame`, `tb_frame`, `f_back`,
//!   `__reduce_ex__`, ...);
//! - **value types** (numbers, strings, containers, iterators, descriptors,
//!   regular-expression objects, ...) keep their own methods and data-model
//!   names but lose the pickling protocol ([`VALUE_TYPE_DENIED`]), whose
//!   results name reconstructor functions.
//!
//! Code objects, functions, frames, tracebacks and cells cannot be constructed.
//! `object.__setattr__`/`__delattr__` refuse objects whose type has its own
//! attribute setter (CPython's rule).
//!
//! `sweep.rs` applies these per type; writes to types are ruled in
//! `class_writes.rs` (SPEC §4.3).

use rustpython_vm::builtins::{PyList, PyModule, PyStr, PyStrRef, PyType, PyTypeRef};
use rustpython_vm::function::{FuncArgs, PySetterValue};
use rustpython_vm::types::PyTypeFlags;
use rustpython_vm::{AsObject, Py, PyObject, PyObjectRef, PyResult, VirtualMachine};
use super::state::with_state;

/// Names every type inherits from `object`, for guests.
const OBJECT_ALLOWED: &[&str] = &[
    "__class__",
    "__doc__",
    "__init__",
    "__new__",
    "__repr__",
    "__str__",
    "__format__",
    "__hash__",
    "__eq__",
    "__ne__",
    "__lt__",
    "__le__",
    "__gt__",
    "__ge__",
    "__getattribute__",
    "__setattr__",
    "__delattr__",
    "__dir__",
    "__sizeof__",
    "__init_subclass__",
    "__subclasshook__",
    // Present (library code compares with them) but refusing: see
    // `replace_methods`.
    "__reduce__",
    "__reduce_ex__",
];

/// Names of `type` (what every class has), for guests. `__subclasses__` is the
/// filtered one (classes defined in Python only).
const TYPE_ALLOWED: &[&str] = &[
    "__name__",
    "__qualname__",
    "__module__",
    "__doc__",
    "__dict__",
    "__mro__",
    "__bases__",
    "__base__",
    "mro",
    "__call__",
    "__new__",
    "__init__",
    "__repr__",
    "__getattribute__",
    "__setattr__",
    "__delattr__",
    "__dir__",
    "__sizeof__",
    "__instancecheck__",
    "__subclasscheck__",
    "__subclasses__",
    "__prepare__",
    "__or__",
    "__ror__",
    "__annotations__",
    "__annotate__",
    "__type_params__",
    "__text_signature__",
    "__abstractmethods__",
    "__basicsize__",
    "__itemsize__",
    "__flags__",
    "__dictoffset__",
    "__weakrefoffset__",
    "__firstlineno__",
    "__static_attributes__",
];

/// Functions: their name, documentation and annotations, and calling them.
/// Not `__globals__`, `__builtins__`, `__code__`, `__closure__`,
/// `__defaults__`, `__kwdefaults__` (they lead to namespaces and to objects
/// of the function's author).
const FUNCTION_ALLOWED: &[&str] = &[
    "__name__",
    "__qualname__",
    "__module__",
    "__doc__",
    "__dict__",
    "__annotations__",
    "__annotate__",
    "__type_params__",
    "__call__",
    "__get__",
    "__repr__",
];

/// Builtin functions: `__self__` is filtered (a module reads as `None`).
const BUILTIN_FUNCTION_ALLOWED: &[&str] = &[
    "__name__",
    "__qualname__",
    "__module__",
    "__doc__",
    "__text_signature__",
    "__self__",
    "__call__",
    "__repr__",
    "__eq__",
    "__hash__",
];

/// A bound method holds only what made it (`__func__`, `__self__`), so making
/// one (`types.MethodType(f, obj)`, as `contextlib.ExitStack` does) reaches
/// nothing its maker did not hold.
const BOUND_METHOD_ALLOWED: &[&str] = &[
    "__new__",
    "__self__",
    "__func__",
    "__name__",
    "__qualname__",
    "__module__",
    "__doc__",
    "__call__",
    "__get__",
    "__repr__",
    "__eq__",
    "__hash__",
    "__getattribute__",
];

const GENERATOR_ALLOWED: &[&str] = &[
    "__iter__",
    "__next__",
    "send",
    "throw",
    "close",
    "__name__",
    "__qualname__",
    "gi_running",
    "gi_suspended",
    "__repr__",
    "__del__",
];

const COROUTINE_ALLOWED: &[&str] = &[
    "__await__",
    "send",
    "throw",
    "close",
    "__name__",
    "__qualname__",
    "cr_running",
    "cr_suspended",
    "__repr__",
    "__del__",
];

const ASYNC_GENERATOR_ALLOWED: &[&str] = &[
    "__aiter__",
    "__anext__",
    "asend",
    "athrow",
    "aclose",
    "__name__",
    "__qualname__",
    "ag_running",
    "__repr__",
    "__del__",
];

/// Tracebacks: the chain and line numbers, never the frame.
const TRACEBACK_ALLOWED: &[&str] = &["tb_next", "tb_lineno", "tb_lasti", "__dir__"];

/// Removed from every value type: the pickling protocol, whose results name
/// reconstructor functions of the import system's `copyreg`.
pub const VALUE_TYPE_DENIED: &[&str] = &[
    "__reduce__",
    "__reduce_ex__",
    "__getstate__",
    "__setstate__",
    "__getnewargs__",
    "__getnewargs_ex__",
];

/// The explicit allowlist of `ty`, if it is a machinery or root type.
fn explicit_allowlist(vm: &VirtualMachine, ty: &Py<PyType>) -> Option<&'static [&'static str]> {
    let t = &vm.ctx.types;
    let is = |other: &Py<PyType>| ty.is(other);
    Some(if is(t.object_type) {
        OBJECT_ALLOWED
    } else if is(t.type_type) {
        TYPE_ALLOWED
    } else if is(t.function_type) {
        FUNCTION_ALLOWED
    } else if is(t.builtin_function_or_method_type) || is(t.builtin_method_type) {
        BUILTIN_FUNCTION_ALLOWED
    } else if is(t.bound_method_type) {
        BOUND_METHOD_ALLOWED
    } else if is(t.generator_type) {
        GENERATOR_ALLOWED
    } else if is(t.coroutine_type) {
        COROUTINE_ALLOWED
    } else if is(t.async_generator) {
        ASYNC_GENERATOR_ALLOWED
    } else if is(t.traceback_type) {
        TRACEBACK_ALLOWED
    } else if is(t.frame_type) || is(t.code_type) || is(t.cell_type) {
        &[]
    } else {
        return None;
    })
}

/// Types that guests can never construct (a guest-built code object panics the
/// VM; a function, frame, traceback or cell built by hand would forge one of
/// the objects the allowlists above keep out of reach).
fn unconstructible(vm: &VirtualMachine) -> [&'static Py<PyType>; 5] {
    let t = &vm.ctx.types;
    [
        t.function_type,
        t.code_type,
        t.frame_type,
        t.traceback_type,
        t.cell_type,
    ]
}

/// Removes the routes from ordinary objects to the interpreter's machinery that
/// exist on the built-in types (these types are this sandbox thread's own).
pub(super) fn harden_types(vm: &VirtualMachine) -> Option<PyObjectRef> {
    let types = &vm.ctx.types;
    // `len.__self__` is the builtins module itself, and a native module's function
    // leads to its module: replace the getter by one that hides modules.
    let name = vm.ctx.intern_str("__self__");
    let original = types
        .builtin_function_or_method_type
        .attributes
        .read()
        .get(name)
        .cloned();
    let getter = vm.ctx.new_readonly_getset(
        "__self__",
        types.builtin_function_or_method_type,
        builtin_self,
    );
    types
        .builtin_function_or_method_type
        .attributes
        .write()
        .insert(name, getter.into());
    types.builtin_function_or_method_type.modified();
    super::class_writes::make_native_types_immutable(vm);
    original
}

/// `builtin_function_or_method.__self__`, except that a module reads as `None`.
fn builtin_self(zelf: PyObjectRef, vm: &VirtualMachine) -> PyResult {
    let Some(getter) = with_state(|s| s.original_self_getter.clone()).flatten() else {
        return Ok(vm.ctx.none());
    };
    let descr_get = getter
        .class()
        .slots
        .descr_get
        .load()
        .ok_or_else(|| vm.new_attribute_error("__self__"))?;
    let value = descr_get(
        getter,
        Some(zelf.clone()),
        Some(zelf.class().to_owned().into()),
        vm,
    )?;
    if value.downcast_ref::<PyModule>().is_some() {
        return Ok(vm.ctx.none());
    }
    Ok(value)
}

pub(super) fn restrict(vm: &VirtualMachine, ty: &Py<PyType>) {
    let allow = explicit_allowlist(vm, ty);
    let mut attrs = ty.attributes.write();
    let names: Vec<_> = attrs.keys().copied().collect();
    for name in names {
        let text = name.as_str();
        let keep = match allow {
            Some(list) => list.contains(&text),
            None => !VALUE_TYPE_DENIED.contains(&text),
        };
        if !keep {
            attrs.shift_remove(name);
        }
    }
    drop(attrs);
    if unconstructible(vm).iter().any(|t| ty.is(*t)) {
        ty.attributes
            .write()
            .shift_remove(vm.ctx.intern_str("__new__"));
        ty.slots.new.store(Some(refuse_new));
    }
    ty.modified();
}

/// Refuses guest construction of `ty` when its instances would not be what
/// its native code expects.
///
/// RustPython gives a native type without a constructor of its own the one of
/// its base (CPython marks such a type "cannot create instances"):
/// - with `object`'s, `t()`, `t.__new__(t)` and `object.__new__(t)` make an
///   object of class `t` whose payload is a plain object, and the type's native
///   slots, which read their payload without checking it, read past it
///   (`type(re.match('a', 'a'))()[0]` segfaulted);
/// - a struct sequence (`sys.float_info`, `sys.UnraisableHookArgs`, ...) made
///   by a guest is a tuple shorter than its fields, and its slots slice past
///   the end (a panic); only native code makes them in a sandbox.
///
/// Which types those are is decided here by structure, for every type the
/// sweep meets (after every import): a native type other than `object` whose
/// `__new__` slot is `object`'s, a native struct sequence, and a class defined
/// in Python that inherits the slot of such a type. Their
/// `__new__` slot then refuses, and so does `object.__new__(t)` (RustPython's
/// `__new__` wrapper requires the slot of the nearest native base to be the
/// wrapper's own: CPython's "is not safe" rule).
pub(super) fn refuse_foreign_construction(vm: &VirtualMachine, ty: &Py<PyType>) {
    let object = vm.ctx.types.object_type;
    let new_of = |t: &Py<PyType>| t.slots.new.load().map(|f| f as usize);
    let refusing = Some(refuse_new as fn(PyTypeRef, FuncArgs, &VirtualMachine) -> PyResult as usize);
    if ty.is(object) || new_of(ty) == refusing {
        return;
    }
    // The nearest native type among `ty` and its bases.
    let mut native = ty.to_owned();
    while native.slots.flags.has_feature(PyTypeFlags::HEAPTYPE) {
        match native.base.clone() {
            Some(b) => native = b,
            None => return,
        }
    }
    let struct_sequence = |t: &Py<PyType>| {
        t.attributes
            .read()
            .contains_key(vm.ctx.intern_str("n_sequence_fields"))
    };
    let unconstructible = |t: &Py<PyType>| {
        new_of(t) == refusing
            || new_of(t) == new_of(object)
            || struct_sequence(t)
    };
    if !native.is(object) && new_of(ty) == new_of(&native) && unconstructible(&native) {
        ty.slots.new.store(Some(refuse_new));
    }
}

/// Native reprs that format a Python object with Rust's `Debug`, found by
/// reading every `{:?}` in RustPython 0.5's built-in types and the modules a
/// sandbox has: `typing.ParamSpecArgs` and `typing.ParamSpecKwargs` print
/// their `__origin__` so when it has no `__name__`. `Debug` of an object walks
/// everything it holds, without end through a cycle (a function's globals
/// hold the function): `repr(typing.ParamSpecArgs(functools.partial(lambda:
/// 0)))` overflowed the stack and killed the host. Their repr is CPython's:
/// the origin's `__name__`, or else its `repr()`, then `.args`/`.kwargs`. The
/// other `{:?}` uses format Rust values, strings or types (whose `Debug` is
/// shallow) in error messages.
const DEBUG_REPRS: &[(&str, &str)] = &[("ParamSpecArgs", "args"), ("ParamSpecKwargs", "kwargs")];

pub(super) fn replace_debug_repr(vm: &VirtualMachine, ty: &Py<PyType>) {
    let name = ty.name();
    let module = ty
        .get_attr(vm.ctx.intern_str("__module__"))
        .and_then(|m| m.downcast_ref::<PyStr>().map(|s| s.to_string_lossy().into_owned()));
    if module.as_deref() != Some("typing") {
        return;
    }
    match DEBUG_REPRS.iter().find(|(n, _)| *n == &*name) {
        Some((_, "args")) => ty.slots.repr.store(Some(origin_repr::<0>)),
        Some(_) => ty.slots.repr.store(Some(origin_repr::<1>)),
        None => {}
    }
}

fn origin_repr<const KWARGS: u8>(zelf: &PyObject, vm: &VirtualMachine) -> PyResult<PyStrRef> {
    let origin = zelf.get_attr("__origin__", vm)?;
    let head = match vm.get_attribute_opt(origin.clone(), "__name__")? {
        Some(name) => name.str(vm)?,
        None => origin.repr(vm)?,
    };
    let suffix = if KWARGS == 1 { "kwargs" } else { "args" };
    Ok(vm.ctx.new_str(format!("{}.{suffix}", head.to_string_lossy())))
}

fn refuse_new(cls: PyTypeRef, _args: FuncArgs, vm: &VirtualMachine) -> PyResult {
    Err(vm.new_type_error(format!(
        "cannot create '{}' instances in this sandbox",
        cls.name()
    )))
}

/// Replaces the few methods whose behaviour, not only presence, matters:
/// `type.__subclasses__`, `object.__setattr__`/`__delattr__`, the
/// `UnicodeError` fields. Runs once per sandbox thread, before the builtins
/// are copied and the types swept.
pub(crate) fn replace_methods(vm: &VirtualMachine) {
    let t = &vm.ctx.types;
    let set = |ty: &'static Py<PyType>, name: &str, value: PyObjectRef| {
        ty.attributes.write().insert(vm.ctx.intern_str(name), value);
        ty.modified();
    };
    set(
        t.type_type,
        "__subclasses__",
        super::patch::typed_method(vm, "__subclasses__", t.type_type, subclasses),
    );
    set(
        t.object_type,
        "__setattr__",
        super::patch::typed_method(
            vm,
            "__setattr__",
            t.object_type,
            |obj: PyObjectRef, name: PyStrRef, value: PyObjectRef, vm: &VirtualMachine| {
                object_setattr(&obj, &name, PySetterValue::Assign(value), vm)
            },
        ),
    );
    set(
        t.object_type,
        "__delattr__",
        super::patch::typed_method(
            vm,
            "__delattr__",
            t.object_type,
            |obj: PyObjectRef, name: PyStrRef, vm: &VirtualMachine| {
                object_setattr(&obj, &name, PySetterValue::Delete, vm)
            },
        ),
    );
    // The pickling protocol: present, because library code (enum) looks the
    // methods up, but refusing, because the results name reconstructor
    // functions of the import system's `copyreg`.
    for name in ["__reduce__", "__reduce_ex__"] {
        set(
            t.object_type,
            name,
            super::patch::typed_method(
                vm,
                name,
                t.object_type,
                |obj: PyObjectRef, _args: FuncArgs, vm: &VirtualMachine| -> PyResult {
                    Err(vm.new_type_error(format!(
                        "cannot pickle '{}' objects in this sandbox",
                        obj.class().name()
                    )))
                },
            ),
        );
    }
    // `AttributeError.obj` is the object whose attribute was missing; the
    // interpreter sets it on the errors it raises, so it may be an object the
    // library holds (a module) and the guest must not. A data descriptor
    // outranks the instance's dict: it always reads None, writes are dropped.
    let exc = vm.ctx.exceptions.attribute_error;
    let obj = rustpython_vm::builtins::PyGetSet::new("obj".to_owned(), exc)
        .with_get(|_zelf: PyObjectRef, vm: &VirtualMachine| vm.ctx.none())
        .with_set(
            |_zelf: PyObjectRef, _value: PySetterValue, _vm: &VirtualMachine| -> PyResult<()> {
                Ok(())
            },
        );
    set(
        exc,
        "obj",
        rustpython_vm::PyRef::new_ref(obj, t.getset_type.to_owned(), None).into(),
    );
}

/// `type.__subclasses__`, answering only for classes defined in Python, and
/// listing only such classes: the built-in types' subclasses include the
/// import system's classes (`BuiltinImporter.load_module('sys')`).
fn subclasses(zelf: PyTypeRef) -> PyList {
    if !zelf.slots.flags.has_feature(PyTypeFlags::HEAPTYPE) {
        return PyList::from(Vec::new());
    }
    let subs: Vec<PyObjectRef> = zelf
        .subclasses
        .read()
        .iter()
        .filter_map(|w| w.upgrade())
        .filter(|s| {
            s.downcast_ref::<PyType>()
                .is_some_and(|t| t.slots.flags.has_feature(PyTypeFlags::HEAPTYPE))
        })
        .collect();
    PyList::from(subs)
}

/// `object.__setattr__`, refusing (as CPython does) an object whose type sets
/// attributes its own way: a type, a sealed view, a module.
fn object_setattr(
    obj: &PyObject,
    name: &Py<PyStr>,
    value: PySetterValue,
    vm: &VirtualMachine,
) -> PyResult<()> {
    let object_slot = vm.ctx.types.object_type.slots.setattro.load();
    // The first built-in type of the object's class and its bases (no copy of
    // the MRO: this runs on every `object.__setattr__` call).
    let cls = obj.class();
    let is_native = |t: &Py<PyType>| !t.slots.flags.has_feature(PyTypeFlags::HEAPTYPE);
    let own_slot = if is_native(cls) {
        cls.slots.setattro.load()
    } else {
        cls.mro
            .read()
            .iter()
            .find(|t| is_native(t))
            .and_then(|t| t.slots.setattro.load())
    };
    let same = match (own_slot, object_slot) {
        (Some(a), Some(b)) => a as usize == b as usize,
        (None, None) => true,
        _ => false,
    };
    if !same {
        return Err(vm.new_type_error(format!(
            "can't apply object.__setattr__ to a '{}' object",
            obj.class().name()
        )));
    }
    obj.generic_setattr(name, value, vm)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// Every native type of a sandbox (all modules imported), as the sweep sees them.
    fn native_types(vm: &VirtualMachine) -> Vec<PyTypeRef> {
        let mut stack: Vec<PyTypeRef> = vec![vm.ctx.types.object_type.to_owned()];
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        while let Some(ty) = stack.pop() {
            if !seen.insert(&*ty as *const Py<PyType> as usize) {
                continue;
            }
            for sub in ty.subclasses.read().iter() {
                if let Some(sub) = sub.upgrade().and_then(|s| s.downcast::<PyType>().ok()) {
                    stack.push(sub);
                }
            }
            if !ty.slots.flags.has_feature(PyTypeFlags::HEAPTYPE) {
                out.push(ty);
            }
        }
        out
    }

    /// Guest code tries `t()`, `t.__new__(t)` and `object.__new__(t)`, and a
    /// subclass of `t`, for every native type of the sandbox (after every
    /// import): whatever it gets is never an object of a native class whose
    /// payload is a plain object (the payload its slots would read past), and
    /// using each object it got (repr, index, length, iteration, comparison,
    /// hash) ends in a value or a Python exception.
    #[test]
    fn no_native_type_is_constructed_with_a_foreign_payload() {
        let (_runtime, sb) = crate::test_util::sandbox_with_every_module("");
        sb.run_native(Box::new(|vm, globals| {
            let types: Vec<PyObjectRef> = native_types(vm).into_iter().map(Into::into).collect();
            assert!(types.len() > 150, "only {} native types", types.len());
            globals.set_item("native_types", vm.ctx.new_list(types).into(), vm)
        }))
        .unwrap();
        sb.exec(
            r#"
made = []
def attempts(t):
    yield lambda: t()
    yield lambda: t.__new__(t)
    yield lambda: object.__new__(t)
    def sub():
        class S(t):
            pass
        return S()
    yield sub
for t in native_types:
    for make in attempts(t):
        try:
            made.append(make())
        except BaseException:
            pass
uses = [repr, str, len, bool, hash, iter, lambda o: o[0], lambda o: o == o,
        lambda o: o < o, lambda o: o + o, lambda o: 0 in o, dir]
for o in made:
    for use in uses:
        try:
            use(o)
        except BaseException:
            pass
"#,
        )
        .unwrap_or_else(|e| panic!("{e:?} {}", sb.take_output()));
        sb.run_native(Box::new(|vm, globals| {
            let made = globals.get_item("made", vm)?;
            let made: Vec<PyObjectRef> = made.try_to_value(vm)?;
            assert!(made.len() > 50, "only {} objects made", made.len());
            let object = vm.ctx.types.object_type;
            for o in made {
                let mut native = o.class().to_owned();
                while native.slots.flags.has_feature(PyTypeFlags::HEAPTYPE) {
                    native = native.base.clone().expect("a base");
                }
                // A plain payload is right only for `object` itself and for a
                // native type whose own constructor makes it (`ast.AST`).
                let own_new = native.slots.new.load().map(|f| f as usize)
                    != object.slots.new.load().map(|f| f as usize);
                if o.downcastable::<rustpython_vm::builtins::PyBaseObject>() {
                    assert!(
                        native.is(object) || own_new,
                        "a '{}' object was made with a plain payload",
                        o.class().name()
                    );
                }
            }
            Ok(())
        }))
        .unwrap();
    }
}
