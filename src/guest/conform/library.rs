//! The native library modules' errors in CPython's words: `math`'s domain
//! errors are "math domain error" (RustPython 0.5 words them as a later
//! CPython does, "expected a positive input"), and `functools.reduce` of an
//! empty iterable says so. Applied when the library loads the module.

use rustpython_vm::builtins::{PyBaseExceptionRef, PyStr};
use rustpython_vm::function::FuncArgs;
use rustpython_vm::{AsObject, PyObjectRef, PyResult, VirtualMachine};

/// The first argument of `error` as text, if it is a `ValueError` or
/// `TypeError` (by `class`) with one text argument.
fn message_of(error: &PyBaseExceptionRef, class: &rustpython_vm::Py<rustpython_vm::builtins::PyType>) -> Option<String> {
    if !error.class().is(class) || error.args().len() != 1 {
        return None;
    }
    error
        .args()
        .first()
        .and_then(|a| a.downcast_ref::<PyStr>().map(|s| s.to_string_lossy().into_owned()))
}

/// Wraps every native function of `module` so that an error `reword` maps
/// is raised in its CPython words instead.
fn reword_functions(
    module: &PyObjectRef,
    reword: fn(&PyBaseExceptionRef, &VirtualMachine) -> Option<PyBaseExceptionRef>,
    vm: &VirtualMachine,
) -> PyResult<()> {
    let Some(dict) = module.dict() else {
        return Ok(());
    };
    for (name, value) in dict.items_vec() {
        let Some(name) = name.downcast_ref::<PyStr>().and_then(|n| n.to_str()).map(str::to_owned) else {
            continue;
        };
        if !value.class().is(vm.ctx.types.builtin_function_or_method_type) || name.starts_with('_') {
            continue;
        }
        let original = value.clone();
        let wrapped = vm.new_function(
            vm.ctx.intern_str(name.as_str()).as_str(),
            move |args: FuncArgs, vm: &VirtualMachine| -> PyResult {
                original.call(args, vm).map_err(|e| reword(&e, vm).unwrap_or(e))
            },
        );
        dict.set_item(name.as_str(), wrapped.into(), vm)?;
    }
    Ok(())
}

pub(crate) fn wrap_math(module: &PyObjectRef, vm: &VirtualMachine) -> PyResult<()> {
    reword_functions(
        module,
        |e, vm| {
            message_of(e, vm.ctx.exceptions.value_error)
                .filter(|m| m.starts_with("expected a "))
                .map(|_| vm.new_value_error("math domain error"))
        },
        vm,
    )
}

pub(crate) fn wrap_functools(module: &PyObjectRef, vm: &VirtualMachine) -> PyResult<()> {
    reword_functions(
        module,
        |e, vm| {
            message_of(e, vm.ctx.exceptions.type_error)
                .filter(|m| m == "reduce() of empty sequence with no initial value")
                .map(|_| vm.new_type_error("reduce() of empty iterable with no initial value"))
        },
        vm,
    )
}
