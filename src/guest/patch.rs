//! The toolkit every patch of the interpreter is made with (SPEC §7): methods
//! that check their receiver, method replacement, slot wrapping, and refusing
//! construction of native types. The RustPython 0.5 facts these rely on:
//! method descriptors do not check `self`; a type's slot wrappers (`__eq__`,
//! `__next__`, ...) were made from the slot functions when the type was built
//! and call those directly, so a replaced slot needs its methods replaced too;
//! slot functions are the same code on every thread, built-in types are per
//! thread.

use rustpython_vm::builtins::PyType;
use rustpython_vm::function::{FuncArgs, IntoPyNativeFn};
use parking_lot::Mutex;
use rustpython_vm::{AsObject, Py, PyObject, PyObjectRef, PyResult, VirtualMachine};
use std::sync::OnceLock;

/// Points `$slot` at `$checked`, remembering the interpreter's function the
/// first time (slot functions are the same code on every thread).
macro_rules! wrap_slot {
    ($slot:expr, $original:expr, $checked:expr) => {
        if let Some(current) = $slot.load() {
            if current as usize != $checked as usize {
                let first = *$original.get_or_init(|| current);
                if first as usize == current as usize {
                    $slot.store(Some($checked));
                }
            }
        }
    };
}

pub(crate) use wrap_slot;

/// Makes a native type impossible to instantiate from Python (`type(x)()`):
/// without a constructor RustPython falls back to `object.__new__` and builds an
/// instance with no payload.
macro_rules! refuse_construction {
    ($ty:ty) => {
        impl rustpython_vm::types::Constructor for $ty {
            type Args = rustpython_vm::function::FuncArgs;
            fn py_new(
                cls: &rustpython_vm::Py<rustpython_vm::builtins::PyType>,
                _args: Self::Args,
                vm: &rustpython_vm::VirtualMachine,
            ) -> rustpython_vm::PyResult<Self> {
                Err(vm.new_type_error(format!("cannot create '{}' instances", cls.name())))
            }
        }
    };
}
pub(crate) use refuse_construction;

/// The type `name` of a native module, to replace its methods. The type lives
/// as long as the thread's interpreter state; methods need a `'static` owner.
pub(crate) fn module_type(
    module: &PyObjectRef,
    name: &'static str,
    vm: &VirtualMachine,
) -> PyResult<&'static Py<PyType>> {
    let ty = module
        .get_attr(name, vm)?
        .downcast::<PyType>()
        .map_err(|_| vm.new_type_error(format!("{name} is not a type")))?;
    Ok(rustpython_vm::PyRef::leak(ty))
}

/// A check run before a method: fails to refuse the call.
pub(crate) type PreCheck = fn(&PyObject, &FuncArgs, &VirtualMachine) -> PyResult<()>;

/// Replaces the method `name` of `ty` by one that runs `check` first.
pub(crate) fn guard_method(ty: &'static Py<PyType>, name: &'static str, check: PreCheck, vm: &VirtualMachine) {
    replace_method(ty, name, vm, move |zelf, mut args, original, vm| {
        check(&zelf, &args, vm)?;
        args.prepend_arg(zelf);
        original.call(args, vm)
    });
}

/// A method of the built-in type `ty`, made from `f`, that refuses a receiver
/// of another type. RustPython's method descriptors do not check their
/// receiver (`str.__mul__(b'x', 1)` calls the function with `b'x'` as self),
/// and the native slots and methods the runtime's replacements call downcast
/// it without checking: a foreign receiver was memory corruption (found by a
/// sweep: `repr(str.__mul__(b'\xff', 1))` crashed the process). Every method
/// the runtime installs on a type is made here (clippy refuses
/// `VirtualMachine::new_method` elsewhere), with the check and message of the
/// interpreter's own slot wrappers.
pub(crate) fn typed_method<K>(
    vm: &VirtualMachine,
    name: &'static str,
    ty: &'static Py<PyType>,
    f: impl IntoPyNativeFn<K>,
) -> PyObjectRef {
    #[allow(clippy::disallowed_methods)]
    vm.new_method(
        name,
        ty,
        move |args: FuncArgs, vm: &VirtualMachine| -> PyResult {
            match args.args.first() {
                Some(zelf) if zelf.fast_isinstance(ty) => f.call(vm, args),
                Some(zelf) => Err(vm.new_type_error(format!(
                    "descriptor '{name}' requires a '{}' object but received a '{}'",
                    ty.name(),
                    zelf.class().name()
                ))),
                None => Err(vm.new_type_error(format!(
                    "descriptor '{name}' of '{}' object needs an argument",
                    ty.name()
                ))),
            }
        },
    )
    .into()
}

/// Replaces the builtin function `name` by what `make` builds from the
/// original, if the policy kept it. Every patch of a builtin goes through
/// here: the builtins are restricted before the patches run, so a patch never
/// puts back one the policy withheld (the metered `sorted` once did).
pub(crate) fn replace_builtin(
    vm: &VirtualMachine,
    name: &'static str,
    make: impl FnOnce(PyObjectRef) -> PyObjectRef,
) -> PyResult<()> {
    match vm.builtins.dict().get_item_opt(name, vm)? {
        Some(original) => vm.builtins.set_attr(name, make(original), vm),
        None => Ok(()),
    }
}

/// Replaces the method `name` of `ty` (if it has one) by `f`, which receives
/// the receiver (of type `ty`, see [`typed_method`]), the arguments and the
/// original method.
pub(crate) fn replace_method(
    ty: &'static Py<PyType>,
    name: &'static str,
    vm: &VirtualMachine,
    f: impl Fn(PyObjectRef, FuncArgs, &PyObjectRef, &VirtualMachine) -> PyResult + 'static,
) {
    let key = vm.ctx.intern_str(name);
    let Some(original) = ty.attributes.read().get(key).cloned() else {
        return;
    };
    let method = typed_method(
        vm,
        name,
        ty,
        move |zelf: PyObjectRef, args: FuncArgs, vm: &VirtualMachine| -> PyResult {
            f(zelf, args, &original, vm)
        },
    );
    ty.attributes.write().insert(key, method);
    ty.modified();
}

/// The index of the wrapper that calls the native slot function `original`
/// (at `addr`), assigned the first time it is seen. `None` if it is a wrapper
/// already, or if the table is full: more native functions than wrappers
/// stay unmetered (unit tests check that every type of a sandbox fits).
pub(crate) fn assign_wrapper<F: Copy>(
    original: F,
    addr: usize,
    is_wrapper: bool,
    originals: &[OnceLock<F>],
    assigned: &Mutex<Vec<usize>>,
) -> Option<usize> {
    if is_wrapper {
        return None;
    }
    let mut assigned = assigned.lock();
    match assigned.iter().position(|a| *a == addr) {
        Some(i) => Some(i),
        None if assigned.len() < originals.len() => {
            let _ = originals[assigned.len()].set(original);
            assigned.push(addr);
            Some(assigned.len() - 1)
        }
        None => None,
    }
}

/// The names of `ty`'s native instance methods and slot wrappers (the methods
/// a patch that marks or guards every operation of a type must replace).
/// Class and static methods (`itertools.chain.from_iterable`) are
/// method descriptors too in RustPython, flagged as such: they are left out
/// (a replacement would bind them to an instance).
pub(crate) fn native_methods(ty: &'static Py<PyType>, vm: &VirtualMachine) -> Vec<&'static str> {
    // An instance method read from its class is the descriptor itself; a
    // class or static method is bound or unwrapped (a native binding, no
    // guest code).
    let instance_method = |v: &PyObjectRef| {
        v.class()
            .slots
            .descr_get
            .load()
            .and_then(|get| get(v.clone(), None, Some(ty.to_owned().into()), vm).ok())
            .is_some_and(|read| read.is(v))
    };
    let candidates: Vec<(&'static str, PyObjectRef)> = ty
        .attributes
        .read()
        .iter()
        .filter(|(_, v)| {
            v.class().is(vm.ctx.types.method_descriptor_type)
                || v.class().is(vm.ctx.types.wrapper_descriptor_type)
        })
        .map(|(k, v)| (k.as_str(), v.clone()))
        .collect();
    candidates
        .into_iter()
        .filter(|(_, v)| instance_method(v))
        .map(|(k, _)| k)
        .collect()
}

/// Reads the native field `field` (a getset descriptor) of `obj` through the
/// field's own binding: what `obj.<name>` gives when nothing overrides it.
pub(crate) fn read_field(field: PyObjectRef, obj: PyObjectRef, vm: &VirtualMachine) -> PyResult {
    let get = field
        .class()
        .slots
        .descr_get
        .load()
        .ok_or_else(|| vm.new_type_error("a native field without a getter"))?;
    get(field, Some(obj), None, vm)
}

/// A rich-comparison slot function.
pub(crate) type RichCompare = fn(
    &PyObject,
    &PyObject,
    rustpython_vm::types::PyComparisonOp,
    &VirtualMachine,
) -> PyResult<rustpython_vm::function::Either<PyObjectRef, rustpython_vm::function::PyComparisonValue>>;

/// Points the six comparison methods of `ty` (`__lt__` ... `__ge__`) at
/// `compare`: they were made from the type's slot when it was built, so a
/// replaced comparison slot needs them replaced too.
pub(crate) fn comparison_methods(ty: &'static Py<PyType>, compare: RichCompare, vm: &VirtualMachine) {
    use rustpython_vm::function::{Either, PyComparisonValue};
    use rustpython_vm::types::PyComparisonOp;
    let ops = [
        ("__lt__", PyComparisonOp::Lt),
        ("__le__", PyComparisonOp::Le),
        ("__eq__", PyComparisonOp::Eq),
        ("__ne__", PyComparisonOp::Ne),
        ("__gt__", PyComparisonOp::Gt),
        ("__ge__", PyComparisonOp::Ge),
    ];
    let mut attrs = ty.attributes.write();
    for (name, op) in ops {
        let method = typed_method(
            vm,
            name,
            ty,
            move |zelf: PyObjectRef, other: PyObjectRef, vm: &VirtualMachine| -> PyResult {
                Ok(match compare(&zelf, &other, op, vm)? {
                    Either::A(obj) => obj,
                    Either::B(PyComparisonValue::Implemented(v)) => vm.ctx.new_bool(v).into(),
                    Either::B(PyComparisonValue::NotImplemented) => vm.ctx.not_implemented(),
                })
            },
        );
        attrs.insert(vm.ctx.intern_str(name), method);
    }
    drop(attrs);
    ty.modified();
}
