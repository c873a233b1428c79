//! Integer parameters take any object with `__index__`, as in CPython
//! (`'ab'.center(n)`, `bin(n)`, `[1, 2].pop(n)` for a guest class with
//! `__index__`). RustPython 0.5's native parameters accept only `int` and
//! refused the rest ("Expected type 'int' but 'N' found."). The replacements
//! turn the integer arguments into ints with `__index__` and call the native
//! method; every other argument is passed on untouched. A refused argument
//! is worded as CPython words it.
//!
//! Installed after the size checks of `bounds/`, so those see the converted
//! int; a builtin function is replaced only if the policy kept it.

use crate::guest::patch::replace_method;
use rustpython_vm::builtins::{PyBaseExceptionRef, PyInt, PyStr, PyType};
use rustpython_vm::function::FuncArgs;
use rustpython_vm::{AsObject, Py, PyObjectRef, PyResult, VirtualMachine};

/// Which arguments of a method are integers: positions (after `self`) and
/// keyword names.
type Params = (&'static [usize], &'static [&'static str]);

const FIRST: Params = (&[0], &[]);
/// `find(sub, start, end)` and the other searches.
const RANGE: Params = (&[1, 2], &[]);

/// The int an argument stands for, if it is not one and has `__index__`.
fn as_index(arg: &PyObjectRef, vm: &VirtualMachine) -> PyResult<Option<PyObjectRef>> {
    if arg.downcast_ref::<PyInt>().is_some() || vm.is_none(arg) {
        return Ok(None);
    }
    if arg.class().slots.as_number.index.load().is_none() {
        return Ok(None);
    }
    Ok(Some(arg.try_index(vm)?.into()))
}

fn convert(mut args: FuncArgs, (positions, keywords): Params, vm: &VirtualMachine) -> PyResult<FuncArgs> {
    for &p in positions {
        if let Some(arg) = args.args.get(p) {
            if let Some(int) = as_index(arg, vm)? {
                args.args[p] = int;
            }
        }
    }
    for &k in keywords {
        if let Some(arg) = args.kwargs.get(k) {
            if let Some(int) = as_index(arg, vm)? {
                args.kwargs.insert(k.to_owned(), int);
            }
        }
    }
    Ok(args)
}

/// RustPython's refusal of a non-int argument ("Expected type 'int' but
/// 'float' found.") in CPython's words ("'float' object cannot be
/// interpreted as an integer"); any other error as it is.
fn reworded(error: PyBaseExceptionRef, vm: &VirtualMachine) -> PyBaseExceptionRef {
    let message = error
        .args()
        .first()
        .and_then(|a| a.downcast_ref::<PyStr>().map(|s| s.to_string_lossy().into_owned()));
    let type_name = message.as_deref().and_then(|m| {
        m.strip_prefix("Expected type 'int' but '")?
            .strip_suffix("' found.")
            .map(str::to_owned)
    });
    match type_name {
        Some(t) if error.class().is(vm.ctx.exceptions.type_error) => {
            vm.new_type_error(format!("'{t}' object cannot be interpreted as an integer"))
        }
        _ => error,
    }
}

fn on_method(ty: &'static Py<PyType>, name: &'static str, params: Params, vm: &VirtualMachine) {
    replace_method(ty, name, vm, move |zelf, args, original, vm| {
        let mut args = convert(args, params, vm)?;
        args.prepend_arg(zelf);
        original.call(args, vm).map_err(|e| reworded(e, vm))
    });
}

pub(super) fn install(vm: &VirtualMachine) {
    let t = &vm.ctx.types;
    let searches = ["find", "rfind", "index", "rindex", "count", "startswith", "endswith"];
    for ty in [t.str_type, t.bytes_type, t.bytearray_type] {
        for name in ["center", "ljust", "rjust", "zfill"] {
            on_method(ty, name, FIRST, vm);
        }
        on_method(ty, "expandtabs", (&[0], &["tabsize"]), vm);
        for name in searches {
            on_method(ty, name, RANGE, vm);
        }
        for name in ["split", "rsplit"] {
            on_method(ty, name, (&[1], &["maxsplit"]), vm);
        }
    }
    for ty in [t.bytes_type, t.bytearray_type] {
        on_method(ty, "hex", (&[1], &["bytes_per_sep"]), vm);
    }
    for ty in [t.list_type, t.bytearray_type] {
        on_method(ty, "insert", FIRST, vm);
        on_method(ty, "pop", FIRST, vm);
    }
    on_method(t.list_type, "index", RANGE, vm);
    on_method(t.tuple_type, "index", RANGE, vm);
    on_method(t.int_type, "to_bytes", (&[0], &["length"]), vm);
    // Builtin functions, where the policy kept them.
    for name in ["bin", "oct", "hex", "chr"] {
        let _ = super::super::patch::replace_builtin(vm, name, |original| {
            vm.new_function(name, move |args: FuncArgs, vm: &VirtualMachine| {
                original.call(convert(args, FIRST, vm)?, vm).map_err(|e| reworded(e, vm))
            })
            .into()
        });
    }
}
