//! `memoryview` slicing and the in-use count of a view (SPEC §5.8, §7
//! *Re-entrancy*).

use std::cell::Cell;
use std::sync::OnceLock;
use num_traits::Signed;
use rustpython_vm::builtins::PySlice;
use rustpython_vm::protocol::{PyBuffer, PyMapping};
use rustpython_vm::{
    PyObject, PyObjectRef, PyPayload, PyResult, TryFromBorrowedObject, TryFromObject,
    VirtualMachine,
};
use crate::guest::patch::{native_methods, replace_method, wrap_slot};
use super::{int_of, AssSubscript};

type Subscript = fn(PyMapping<'_>, &PyObject, &VirtualMachine) -> PyResult;
static MEMORYVIEW_SUBSCRIPT: OnceLock<Subscript> = OnceLock::new();

/// The key to slice the memoryview `view` with in place of `key`: an empty
/// slice taken with a negative step (`memoryview(b'')[::-1]`, `m[1:1:-1]`)
/// starts at item -1 in RustPython (an overflow while slicing, in a debug
/// build), and every later read of it (`tobytes()`, `bytes()`, `hex()`, `==`,
/// ...) panicked on that index. Such a slice is taken as `[0:0]`, the same
/// empty view.
fn memoryview_key(
    view: &PyObject,
    key: &PyObject,
    vm: &VirtualMachine,
) -> PyResult<Option<PyObjectRef>> {
    let Some(slice) = key.downcast_ref::<PySlice>() else {
        return Ok(None);
    };
    let negative = |o: &PyObjectRef| int_of(o).is_some_and(|i| i.as_bigint().is_negative());
    if !slice.step.as_ref().is_some_and(negative) {
        return Ok(None);
    }
    let Ok(len) = view.length(vm) else {
        return Ok(None);
    };
    let indices = key.get_attr("indices", vm)?.call((len,), vm)?;
    let (start, stop): (isize, isize) = match vm
        .extract_elements_with(&indices, |i| isize::try_from_object(vm, i))?
        .as_slice()
    {
        [start, stop, _] => (*start, *stop),
        _ => return Ok(None),
    };
    if start > stop {
        return Ok(None);
    }
    let zero: PyObjectRef = vm.ctx.new_int(0).into();
    let empty = PySlice {
        start: Some(zero.clone()),
        stop: zero,
        step: None,
    }
    .into_ref(&vm.ctx);
    Ok(Some(empty.into()))
}

fn checked_memoryview_subscript(
    mapping: PyMapping<'_>,
    needle: &PyObject,
    vm: &VirtualMachine,
) -> PyResult {
    let original = *MEMORYVIEW_SUBSCRIPT.get().expect("installed");
    let _in_use = ViewInUse::enter();
    match memoryview_key(mapping.obj, needle, vm)? {
        Some(key) => original(mapping, &key, vm),
        None => original(mapping, needle, vm),
    }
}

thread_local! {
    /// Native memoryview operations under way on this thread.
    static VIEWS_IN_USE: Cell<usize> = const { Cell::new(0) };
}

/// A native memoryview operation under way (see [`install_memoryview_in_use`]).
struct ViewInUse;

impl ViewInUse {
    fn enter() -> Self {
        VIEWS_IN_USE.with(|v| v.set(v.get() + 1));
        ViewInUse
    }
}

impl Drop for ViewInUse {
    fn drop(&mut self) {
        let _ = VIEWS_IN_USE.try_with(|v| v.set(v.get().saturating_sub(1)));
    }
}

type RichCompare = fn(
    &PyObject,
    &PyObject,
    rustpython_vm::types::PyComparisonOp,
    &VirtualMachine,
) -> PyResult<rustpython_vm::function::Either<PyObjectRef, rustpython_vm::function::PyComparisonValue>>;
static MEMORYVIEW_ASS_SUBSCRIPT: OnceLock<AssSubscript> = OnceLock::new();
static MEMORYVIEW_RICHCOMPARE: OnceLock<RichCompare> = OnceLock::new();

fn in_use_ass_subscript(
    mapping: PyMapping<'_>,
    needle: &PyObject,
    value: Option<PyObjectRef>,
    vm: &VirtualMachine,
) -> PyResult<()> {
    let _in_use = ViewInUse::enter();
    // The value is converted before the view's buffer is taken (`buffers.rs`).
    let value = value
        .map(|v| crate::guest::buffers::plain_view_value(mapping.obj, needle, v, vm))
        .transpose()?;
    (MEMORYVIEW_ASS_SUBSCRIPT.get().expect("installed"))(mapping, needle, value, vm)
}

fn in_use_richcompare(
    a: &PyObject,
    b: &PyObject,
    op: rustpython_vm::types::PyComparisonOp,
    vm: &VirtualMachine,
) -> PyResult<rustpython_vm::function::Either<PyObjectRef, rustpython_vm::function::PyComparisonValue>> {
    let _in_use = ViewInUse::enter();
    (MEMORYVIEW_RICHCOMPARE.get().expect("installed"))(a, b, op, vm)
}

/// A memoryview is not released while a native operation uses it. RustPython
/// checks that a view is not released, then converts the operation's
/// arguments (an index's `__index__`, a value's `__index__` or `__float__`, the
/// other side of a comparison), then reads or writes the buffer: guest code
/// run by the conversion could release the view and resize the `bytearray`
/// under it (`m[I()]` with `I.__index__` doing `m.release(); b.clear()`), and
/// the read went past the end (an interpreter panic). Every native method of
/// the type (and slot wrapper: `m.__setitem__`) and its subscript, item
/// assignment and comparison count as a use;
/// `release()` and `__exit__` during a use raise `BufferError`, as CPython's
/// `release()` does for a view with exports.
/// Installs the slicing fix, then the in-use count, which wraps the fixed
/// `__getitem__`.
pub(super) fn install(vm: &VirtualMachine) {
    install_memoryview_slicing(vm);
    install_memoryview_in_use(vm);
}

fn install_memoryview_in_use(vm: &VirtualMachine) {
    let ty = vm.ctx.types.memoryview_type;
    wrap_slot!(
        ty.slots.as_mapping.ass_subscript,
        MEMORYVIEW_ASS_SUBSCRIPT,
        in_use_ass_subscript as AssSubscript
    );
    wrap_slot!(
        ty.slots.richcompare,
        MEMORYVIEW_RICHCOMPARE,
        in_use_richcompare as RichCompare
    );
    let names = native_methods(ty, vm);
    for name in names {
        if matches!(name, "release" | "__exit__") {
            replace_method(ty, name, vm, |zelf, mut args, original, vm| {
                if VIEWS_IN_USE.with(Cell::get) > 0 {
                    return Err(vm.new_exception_msg(
                        vm.ctx.exceptions.buffer_error.to_owned(),
                        "memoryview cannot be released while an operation uses it".into(),
                    ));
                }
                args.prepend_arg(zelf);
                original.call(args, vm)
            });
        } else if name == "cast" {
            // RustPython's cast copies the view's export without counting it
            // (a `Clone` of the buffer, whose drop releases it): every cast
            // view that died took one export off the `bytearray`, which then
            // let itself be resized under a live view (`m.cast('B'); b.clear();
            // m[5]` read past the end). The missing count is added for each
            // cast view made (its release takes it off again).
            replace_method(ty, name, vm, |zelf, mut args, original, vm| {
                let _in_use = ViewInUse::enter();
                args.prepend_arg(zelf.clone());
                let view = original.call(args, vm)?;
                let exporter = zelf.get_attr("obj", vm)?;
                let export = PyBuffer::try_from_borrowed_object(vm, &exporter)?;
                std::mem::forget(export);
                Ok(view)
            });
        } else {
            replace_method(ty, name, vm, move |zelf, mut args, original, vm| {
                let _in_use = ViewInUse::enter();
                if name == "__setitem__" && args.args.len() == 2 {
                    let converted =
                        crate::guest::buffers::plain_view_value(&zelf, &args.args[0], args.args[1].clone(), vm)?;
                    args.args[1] = converted;
                }
                args.prepend_arg(zelf);
                original.call(args, vm)
            });
        }
    }
}

/// `view[slice]` and `view.__getitem__(slice)`: see [`memoryview_key`].
fn install_memoryview_slicing(vm: &VirtualMachine) {
    let ty = vm.ctx.types.memoryview_type;
    wrap_slot!(
        ty.slots.as_mapping.subscript,
        MEMORYVIEW_SUBSCRIPT,
        checked_memoryview_subscript as Subscript
    );
    replace_method(ty, "__getitem__", vm, |zelf, mut args, original, vm| {
        if let ([key], true) = (args.args.as_mut_slice(), args.kwargs.is_empty()) {
            if let Some(empty) = memoryview_key(&zelf, key, vm)? {
                *key = empty;
            }
        }
        args.prepend_arg(zelf);
        original.call(args, vm)
    });
}
