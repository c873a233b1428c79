//! Dict views compare with a `frozenset` as with a `set`, as in CPython
//! (`{1: 0}.keys() == frozenset({1})` is `True`; RustPython compared views
//! only with views and `set`s, and gave `False`, or refused `<=`).
//!
//! `reversed()` of a dict or of its views walks a snapshot of its items:
//! RustPython's reverse iterator of a dict that had a key deleted and
//! inserted again looped forever inside one native `__next__` (it never
//! looked at the stop: the thread ran past its deadline and was abandoned).

use crate::guest::patch::{comparison_methods, replace_method, RichCompare};
use rustpython_vm::builtins::{PyFrozenSet, PySet, PyType};
use rustpython_vm::function::{Either, PyComparisonValue};
use rustpython_vm::types::PyComparisonOp;
use rustpython_vm::{AsObject, Py, PyObject, PyObjectRef, PyResult, VirtualMachine};
use std::sync::OnceLock;


/// The interpreter's comparison of `dict_keys` and of `dict_items`.
static ORIGINAL: [OnceLock<RichCompare>; 2] = [const { OnceLock::new() }; 2];

/// The view's comparison with a `frozenset` given to the interpreter's as
/// the `set` of the same items (which it compares as CPython does).
fn richcompare<const I: usize>(
    a: &PyObject,
    b: &PyObject,
    op: PyComparisonOp,
    vm: &VirtualMachine,
) -> PyResult<Either<PyObjectRef, PyComparisonValue>> {
    let original = ORIGINAL[I].get().expect("installed");
    if b.downcast_ref::<PyFrozenSet>().is_some() && b.downcast_ref::<PySet>().is_none() {
        let as_set = vm.ctx.types.set_type.as_object().call((b.to_owned(),), vm)?;
        return original(a, &as_set, op, vm);
    }
    original(a, b, op, vm)
}

fn install_on<const I: usize>(ty: &'static Py<PyType>, vm: &VirtualMachine) {
    let Some(current) = ty.slots.richcompare.load() else {
        return;
    };
    let ours = richcompare::<I> as RichCompare;
    if current as usize == ours as usize {
        return;
    }
    ORIGINAL[I].get_or_init(|| current);
    ty.slots.richcompare.store(Some(ours));
    comparison_methods(ty, ours, vm);
}

pub(super) fn install(vm: &VirtualMachine) {
    install_on::<0>(vm.ctx.types.dict_keys_type, vm);
    install_on::<1>(vm.ctx.types.dict_items_type, vm);
    let t = &vm.ctx.types;
    for ty in [t.dict_type, t.dict_keys_type, t.dict_values_type, t.dict_items_type] {
        replace_method(ty, "__reversed__", vm, |zelf, args, _original, vm| {
            if !args.args.is_empty() || !args.kwargs.is_empty() {
                return Err(vm.new_type_error("__reversed__() takes no arguments"));
            }
            // The snapshot is made by the metered native iteration (`list()`),
            // each item charged and the stop looked at.
            let items = vm.ctx.types.list_type.as_object().call((zelf,), vm)?;
            vm.call_method(&items, "__reversed__", ())
        });
    }
}
