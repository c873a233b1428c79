//! Errors worded as CPython words them, where RustPython 0.5 raises the same
//! type with other words (programs and their tests read these): adding a
//! `str`, `list`, `tuple`, `bytes` or `bytearray` to what it cannot be added
//! to, an `int` divided by zero, `next()` of a non-iterator, a `str` or
//! `bytearray` index out of range, `list.index`/`list.remove` of a missing
//! value. A reworded error is recognised by its type and the interpreter's
//! own generic words; any other error passes unchanged.

use crate::guest::patch::{replace_method, wrap_slot};
use rustpython_vm::builtins::{PyBaseExceptionRef, PyInt, PyList, PyStr, PyTuple, PyType};
use rustpython_vm::function::FuncArgs;
use rustpython_vm::protocol::{PyBuffer, PyMapping, PyNumberBinaryFunc, PySequence};
use rustpython_vm::{AsObject, Py, PyObject, PyResult, TryFromBorrowedObject, VirtualMachine};
use num_traits::Zero;
use std::sync::OnceLock;

type Concat = fn(PySequence<'_>, &PyObject, &VirtualMachine) -> PyResult;

/// `str`, `list`, `tuple`, `bytes`, `bytearray`, in the order of
/// [`CONCAT_ORIGINAL`].
static CONCAT_ORIGINAL: [OnceLock<Concat>; 5] = [const { OnceLock::new() }; 5];

/// The concatenation slot of sequence `I`: CPython's refusal when the other
/// operand is not of a kind it concatenates, the interpreter's otherwise.
fn concat<const I: usize>(seq: PySequence<'_>, other: &PyObject, vm: &VirtualMachine) -> PyResult {
    // The type's name only for a refusal: concatenation is a hot path.
    let other_type = || other.class().name().to_string();
    let refusal = match I {
        0 if other.downcast_ref::<PyStr>().is_none() => {
            Some(format!("can only concatenate str (not \"{}\") to str", other_type()))
        }
        1 if other.downcast_ref::<PyList>().is_none() => {
            Some(format!("can only concatenate list (not \"{}\") to list", other_type()))
        }
        2 if other.downcast_ref::<PyTuple>().is_none() => {
            Some(format!("can only concatenate tuple (not \"{}\") to tuple", other_type()))
        }
        3 | 4 if PyBuffer::try_from_borrowed_object(vm, other).is_err() => {
            let name = if I == 3 { "bytes" } else { "bytearray" };
            Some(format!("can't concat {} to {name}", other_type()))
        }
        _ => None,
    };
    match refusal {
        Some(message) => Err(vm.new_type_error(message)),
        None => (CONCAT_ORIGINAL[I].get().expect("installed"))(seq, other, vm),
    }
}

/// `int` and `bool` (each its own: their slot functions need not be the
/// same code) `//`, `%` and `divmod`, left and right.
static INT_ORIGINAL: [OnceLock<PyNumberBinaryFunc>; 12] = [const { OnceLock::new() }; 12];

const INT_MESSAGES: [&str; 3] = [
    "integer division or modulo by zero",
    "integer modulo by zero",
    "integer division or modulo by zero",
];

fn int_op<const I: usize>(a: &PyObject, b: &PyObject, vm: &VirtualMachine) -> PyResult {
    let zero_divisor = a.downcast_ref::<PyInt>().is_some()
        && b.downcast_ref::<PyInt>().is_some_and(|d| d.as_bigint().is_zero());
    if zero_divisor {
        return Err(vm.new_zero_division_error(INT_MESSAGES[(I % 6) / 2]));
    }
    (INT_ORIGINAL[I].get().expect("installed"))(a, b, vm)
}

const INT_OPS: [PyNumberBinaryFunc; 12] = [
    int_op::<0>, int_op::<1>, int_op::<2>, int_op::<3>, int_op::<4>, int_op::<5>,
    int_op::<6>, int_op::<7>, int_op::<8>, int_op::<9>, int_op::<10>, int_op::<11>,
];

/// Wraps the six slots of `ty` with `INT_OPS[base..base + 6]`.
fn install_int(ty: &'static Py<PyType>, base: usize, vm: &VirtualMachine) {
    let n = &ty.slots.as_number;
    let ops = &INT_OPS[base..base + 6];
    wrap_slot!(n.floor_divide, INT_ORIGINAL[base], ops[0]);
    wrap_slot!(n.right_floor_divide, INT_ORIGINAL[base + 1], ops[1]);
    wrap_slot!(n.remainder, INT_ORIGINAL[base + 2], ops[2]);
    wrap_slot!(n.right_remainder, INT_ORIGINAL[base + 3], ops[3]);
    wrap_slot!(n.divmod, INT_ORIGINAL[base + 4], ops[4]);
    wrap_slot!(n.right_divmod, INT_ORIGINAL[base + 5], ops[5]);
    let methods: [(&'static str, PyNumberBinaryFunc, bool); 6] = [
        ("__floordiv__", ops[0], false),
        ("__rfloordiv__", ops[1], true),
        ("__mod__", ops[2], false),
        ("__rmod__", ops[3], true),
        ("__divmod__", ops[4], false),
        ("__rdivmod__", ops[5], true),
    ];
    super::numbers::binary_methods(ty, &methods, vm);
}

type Subscript = fn(PyMapping<'_>, &PyObject, &VirtualMachine) -> PyResult;

/// `str` and `bytearray` subscription, as the interpreter has it.
static SUBSCRIPT_ORIGINAL: [OnceLock<Subscript>; 2] = [const { OnceLock::new() }; 2];
const SUBSCRIPT_MESSAGES: [&str; 2] = ["string index out of range", "bytearray index out of range"];

/// Whether `error` is an `IndexError` with RustPython's generic words.
fn is_generic_index_error(error: &PyBaseExceptionRef, vm: &VirtualMachine) -> bool {
    error.class().is(vm.ctx.exceptions.index_error)
        && error.args().len() == 1
        && error.args().first().and_then(|a| a.downcast_ref::<PyStr>().map(|s| s.as_wtf8() == "index out of range")) == Some(true)
}

fn subscript<const I: usize>(mapping: PyMapping<'_>, key: &PyObject, vm: &VirtualMachine) -> PyResult {
    (SUBSCRIPT_ORIGINAL[I].get().expect("installed"))(mapping, key, vm).map_err(|e| {
        if is_generic_index_error(&e, vm) {
            vm.new_index_error(SUBSCRIPT_MESSAGES[I])
        } else {
            e
        }
    })
}

/// `list.index` and `list.remove` of a value not in the list: CPython's
/// words (RustPython quoted the value's `str` for both).
fn install_list_messages(vm: &VirtualMachine) {
    let list = vm.ctx.types.list_type;
    let not_found = |e: &PyBaseExceptionRef, vm: &VirtualMachine| {
        e.class().is(vm.ctx.exceptions.value_error)
            && e.args().first().and_then(|a| a.downcast_ref::<PyStr>().map(|s| s.to_string_lossy().ends_with("' is not in list"))) == Some(true)
    };
    replace_method(list, "remove", vm, move |zelf, mut args, original, vm| {
        args.prepend_arg(zelf);
        original.call(args, vm).map_err(|e| {
            if not_found(&e, vm) {
                vm.new_value_error("list.remove(x): x not in list")
            } else {
                e
            }
        })
    });
    replace_method(list, "index", vm, move |zelf, args, original, vm| {
        let needle = args.args.first().cloned();
        let mut args = args;
        args.prepend_arg(zelf);
        match original.call(args, vm) {
            Err(e) if not_found(&e, vm) => match needle {
                Some(x) => Err(vm.new_value_error(format!("{} is not in list", x.repr(vm)?.to_string_lossy()))),
                None => Err(e),
            },
            other => other,
        }
    });
}

pub(super) fn install(vm: &VirtualMachine) {
    install_list_messages(vm);
    let subscripted: [(&'static Py<PyType>, Subscript); 2] = [
        (vm.ctx.types.str_type, subscript::<0>),
        (vm.ctx.types.bytearray_type, subscript::<1>),
    ];
    for (i, (ty, ours)) in subscripted.into_iter().enumerate() {
        wrap_slot!(ty.slots.as_mapping.subscript, SUBSCRIPT_ORIGINAL[i], ours);
        let message = SUBSCRIPT_MESSAGES[i];
        replace_method(ty, "__getitem__", vm, move |zelf, mut args, original, vm| {
            args.prepend_arg(zelf);
            original.call(args, vm).map_err(|e| {
                if is_generic_index_error(&e, vm) {
                    vm.new_index_error(message)
                } else {
                    e
                }
            })
        });
    }
    let t = &vm.ctx.types;
    let seqs: [(&'static Py<PyType>, Concat); 5] = [
        (t.str_type, concat::<0>),
        (t.list_type, concat::<1>),
        (t.tuple_type, concat::<2>),
        (t.bytes_type, concat::<3>),
        (t.bytearray_type, concat::<4>),
    ];
    for (i, (ty, ours)) in seqs.into_iter().enumerate() {
        wrap_slot!(ty.slots.as_sequence.concat, CONCAT_ORIGINAL[i], ours);
    }
    install_int(t.int_type, 0, vm);
    install_int(t.bool_type, 6, vm);
    // `next(x)` of what is no iterator.
    let _ = super::super::patch::replace_builtin(vm, "next", |original| {
        vm.new_function("next", move |args: FuncArgs, vm: &VirtualMachine| -> PyResult {
            if let Some(it) = args.args.first() {
                if it.class().slots.iternext.load().is_none() {
                    return Err(vm.new_type_error(format!(
                        "'{}' object is not an iterator",
                        it.class().name()
                    )));
                }
            }
            original.call(args, vm)
        })
        .into()
    });
}
