//! Operations on a `bytearray`'s buffer run no guest code while they hold it
//! (SPEC §7, *Re-entrancy*).
//!
//! RustPython takes a bytearray's buffer lock and then converts the
//! operation's other arguments, and a conversion can run guest code: an
//! iterable where a bytes-like argument belongs (`ba.join([x])`,
//! `ba.translate(t, x)`, `ba.startswith(x)`: RustPython iterates a non-buffer),
//! the values of `ba % v` (`__bytes__`, `__int__`, `__repr__`), a value stored
//! through a memoryview (`m[0] = x`: `__index__`, `__float__`), the repr in the
//! error message of `int(ba, 10)` and `float(ba)` for a bytearray subclass.
//! Guest code that wrote to the bytearray meanwhile took the lock twice, an
//! interpreter panic. (An audit of every other bytearray and memoryview method
//! and slot with guest arguments found them converting first.)
//!
//! Each of these converts before the buffer is taken:
//! - a bytes-like argument must be a buffer (`bytes`, `bytearray`,
//!   `memoryview`), as CPython requires: anything else is `TypeError` before
//!   the method runs (also for `bytes`, whose methods RustPython let iterate);
//! - `ba % v` formats a `bytes` copy of the bytearray;
//! - a value stored through a memoryview is converted to an `int` (or a
//!   `float`) first;
//! - `int` and `float` read a bytearray subclass as a plain `bytearray` copy.

use super::patch::{guard_method, typed_method, wrap_slot};
use rustpython_vm::builtins::{PyByteArray, PyBytes, PyTuple};
use rustpython_vm::function::FuncArgs;
use rustpython_vm::protocol::{PyBuffer, PyNumberBinaryFunc};
use rustpython_vm::{
    AsObject, PyObject, PyObjectRef, PyPayload, PyResult, TryFromBorrowedObject, VirtualMachine,
};
use std::sync::OnceLock;

/// Whether `obj` is a buffer (a native one: guest classes cannot be).
fn is_buffer(obj: &PyObject, vm: &VirtualMachine) -> bool {
    PyBuffer::try_from_borrowed_object(vm, obj).is_ok()
}

/// `startswith`/`endswith`: the affix is a buffer or a tuple of buffers.
fn check_affix(name: &str, args: &FuncArgs, vm: &VirtualMachine) -> PyResult<()> {
    let Some(affix) = args.args.first() else {
        return Ok(());
    };
    let culprit = match affix.downcast_ref::<PyTuple>() {
        Some(t) => t.iter().find(|a| !is_buffer(a, vm)).cloned(),
        None => (!is_buffer(affix, vm)).then(|| affix.clone()),
    };
    match culprit {
        None => Ok(()),
        Some(c) => Err(vm.new_type_error(format!(
            "{name} first arg must be bytes or a tuple of bytes, not {}",
            c.class().name()
        ))),
    }
}

fn check_startswith(_zelf: &PyObject, args: &FuncArgs, vm: &VirtualMachine) -> PyResult<()> {
    check_affix("startswith", args, vm)
}

fn check_endswith(_zelf: &PyObject, args: &FuncArgs, vm: &VirtualMachine) -> PyResult<()> {
    check_affix("endswith", args, vm)
}

/// `translate(table, delete=b'')`: the table is `None` or a buffer, the
/// characters to delete a buffer.
fn check_translate(_zelf: &PyObject, args: &FuncArgs, vm: &VirtualMachine) -> PyResult<()> {
    let table = args.args.first().or_else(|| args.kwargs.get("table"));
    let delete = args.args.get(1).or_else(|| args.kwargs.get("delete"));
    for arg in table.filter(|t| !vm.is_none(t)).into_iter().chain(delete) {
        if !is_buffer(arg, vm) {
            return Err(vm.new_type_error(format!(
                "a bytes-like object is required, not '{}'",
                arg.class().name()
            )));
        }
    }
    Ok(())
}

/// The items of `bytes.join`/`bytearray.join` are buffers (CPython's rule; the
/// caller has collected them into a list first).
pub(crate) fn check_join_items(items: &[PyObjectRef], vm: &VirtualMachine) -> PyResult<()> {
    match items.iter().position(|item| !is_buffer(item, vm)) {
        None => Ok(()),
        Some(i) => Err(vm.new_type_error(format!(
            "sequence item {i}: expected a bytes-like object, {} found",
            items[i].class().name()
        ))),
    }
}

/// The interpreter's `bytes % v` (which formats a snapshot).
static BYTES_REMAINDER: OnceLock<PyNumberBinaryFunc> = OnceLock::new();
static BYTEARRAY_REMAINDER: OnceLock<PyNumberBinaryFunc> = OnceLock::new();

/// `ba % v`: formats a `bytes` copy of `ba`, so the values' conversions run
/// with no lock of `ba` held; the result is a new `bytearray`.
fn bytearray_remainder(a: &PyObject, b: &PyObject, vm: &VirtualMachine) -> PyResult {
    let Some(array) = a.downcast_ref::<PyByteArray>() else {
        return (BYTEARRAY_REMAINDER.get().expect("installed"))(a, b, vm);
    };
    let copy = array.borrow_buf().to_vec();
    super::meter::reserve(copy.len() as f64, "bytearray % values", vm)?;
    let snapshot = PyBytes::from(copy).into_ref(&vm.ctx);
    let formatted = (BYTES_REMAINDER.get().expect("installed"))(snapshot.as_object(), b, vm)?;
    match formatted.downcast_ref::<PyBytes>() {
        Some(bytes) => Ok(PyByteArray::from(bytes.as_bytes().to_vec()).into_ref(&vm.ctx).into()),
        None => Ok(formatted),
    }
}

/// A value stored into one item of a memoryview (`m[i] = x`), converted as
/// the view's format reads it before the view's buffer is taken: `?` by its
/// truth (`__bool__`, `__len__`), `e`/`f`/`d` by `__float__` (or
/// `__index__`), the integer formats by `__index__`; `c` takes bytes, which
/// need no conversion. Slice stores take a buffer (no guest code), and a
/// read-only view refuses before converting: both are left to the original.
pub(crate) fn plain_view_value(
    view: &PyObject,
    key: &PyObject,
    value: PyObjectRef,
    vm: &VirtualMachine,
) -> PyResult {
    let t = &vm.ctx.types;
    let native = [t.int_type, t.bool_type, t.float_type, t.bytes_type, t.bytearray_type];
    if native.iter().any(|ty| value.class().is(*ty))
        || key.downcast_ref::<rustpython_vm::builtins::PySlice>().is_some()
        || key.downcast_ref::<PyTuple>().is_some_and(|k| {
            k.iter().any(|i| i.downcast_ref::<rustpython_vm::builtins::PySlice>().is_some())
        })
    {
        return Ok(value);
    }
    if view.downcast_ref::<rustpython_vm::builtins::PyMemoryView>().is_none()
        || view.get_attr("readonly", vm)?.try_to_bool(vm)?
    {
        return Ok(value);
    }
    let format = view.get_attr("format", vm)?;
    let format = format
        .downcast_ref::<rustpython_vm::builtins::PyStr>()
        .map(|f| f.as_wtf8().to_string())
        .unwrap_or_default();
    let code = format.trim_start_matches(['@', '=', '<', '>', '!']);
    // A value that does not convert is refused here, so the interpreter
    // never asks the guest again with the buffer held.
    let invalid = || vm.new_type_error(format!("memoryview: invalid type for format '{format}'"));
    let is_type_error = |e: &rustpython_vm::builtins::PyBaseExceptionRef| {
        e.fast_isinstance(vm.ctx.exceptions.type_error)
    };
    match code {
        "?" => Ok(vm.ctx.new_bool(value.try_to_bool(vm)?).into()),
        "e" | "f" | "d" => match value.try_float(vm) {
            Ok(float) => Ok(float.into()),
            Err(e) if is_type_error(&e) => match value.try_index(vm) {
                Ok(int) => Ok(int.into()),
                Err(e) if is_type_error(&e) => Err(invalid()),
                Err(e) => Err(e),
            },
            Err(e) => Err(e),
        },
        "c" if value.downcast_ref::<PyBytes>().is_some() => Ok(value),
        "c" => Err(invalid()),
        _ => match value.try_index(vm) {
            Ok(int) => Ok(int.into()),
            Err(e) if is_type_error(&e) => Err(invalid()),
            Err(e) => Err(e),
        },
    }
}

/// `int(x, base)` and `float(x)`: a bytearray subclass (whose repr the error
/// message asks for, holding its buffer) is read as a plain copy.
fn plain_number_argument(args: &mut FuncArgs, vm: &VirtualMachine) {
    if let Some(first) = args.args.first_mut() {

        if let Some(array) = first.downcast_ref::<PyByteArray>() {
            if !first.class().is(vm.ctx.types.bytearray_type) {
                let copy = array.borrow_buf().to_vec();
                *first = PyByteArray::from(copy).into_ref(&vm.ctx).into();
            }
        }
    }
}

/// Whether `e` is the parser's refusal of the text ("invalid literal ...",
/// "could not convert string to float ..."): reported again for the text as
/// it was written. Any other error (the digit limit) stands.
fn invalid_literal(e: &rustpython_vm::builtins::PyBaseExceptionRef, vm: &VirtualMachine) -> bool {
    e.fast_isinstance(vm.ctx.exceptions.value_error)
        && e.args().first().and_then(|a| a.downcast_ref::<rustpython_vm::builtins::PyStr>().map(|m| {
            let m = m.to_string_lossy();
            m.starts_with("invalid literal") || m.starts_with("could not convert")
        })) == Some(true)
}

type NewFn = fn(rustpython_vm::builtins::PyTypeRef, FuncArgs, &VirtualMachine) -> PyResult;
static NUMBER_NEW: [OnceLock<NewFn>; 2] = [const { OnceLock::new() }; 2];

fn number_new<const I: usize>(
    cls: rustpython_vm::builtins::PyTypeRef,
    mut args: FuncArgs,
    vm: &VirtualMachine,
) -> PyResult {
    plain_number_argument(&mut args, vm);
    let original = NUMBER_NEW[I].get().expect("installed");
    // Unicode digits and spaces read as CPython reads them (SPEC §4.5); a
    // text that is no number is reported as it was written.
    if let Some(ascii) = args.args.first().and_then(|a| super::conform::ascii_numeral(a, vm)) {
        let mut translated = args.clone();
        translated.args[0] = ascii;
        match original(cls.clone(), translated, vm) {
            Err(e) if invalid_literal(&e, vm) => {}
            done => return done,
        }
    }
    original(cls, args, vm)
}

type VectorCall = fn(&PyObject, Vec<PyObjectRef>, usize, Option<&[PyObjectRef]>, &VirtualMachine) -> PyResult;
static NUMBER_VECTORCALL: [OnceLock<VectorCall>; 2] = [const { OnceLock::new() }; 2];

fn number_vectorcall<const I: usize>(
    zelf: &PyObject,
    mut args: Vec<PyObjectRef>,
    nargs: usize,
    kwnames: Option<&[PyObjectRef]>,
    vm: &VirtualMachine,
) -> PyResult {
    if nargs > 0 {
        let mut first = FuncArgs::from(vec![args[0].clone()]);
        plain_number_argument(&mut first, vm);
        args[0] = first.args.remove(0);
    }
    let original = NUMBER_VECTORCALL[I].get().expect("installed");
    if let Some(ascii) = (nargs > 0).then(|| super::conform::ascii_numeral(&args[0], vm)).flatten() {
        let mut translated = args.clone();
        translated[0] = ascii;
        match original(zelf, translated, nargs, kwnames, vm) {
            Err(e) if invalid_literal(&e, vm) => {}
            done => return done,
        }
    }
    original(zelf, args, nargs, kwnames, vm)
}

fn install_remainder(vm: &VirtualMachine) {
    let bytes = &vm.ctx.types.bytes_type.slots.as_number;
    let Some(bytes_remainder) = bytes.remainder.load() else {
        return;
    };
    BYTES_REMAINDER.get_or_init(|| bytes_remainder);
    let ty = vm.ctx.types.bytearray_type;
    let n = &ty.slots.as_number;
    wrap_slot!(n.remainder, BYTEARRAY_REMAINDER, bytearray_remainder as PyNumberBinaryFunc);
    if ty.attributes.read().contains_key(vm.ctx.intern_str("__mod__")) {
        let method = typed_method(vm, "__mod__", ty, |zelf: PyObjectRef, other: PyObjectRef, vm: &VirtualMachine| {
            bytearray_remainder(&zelf, &other, vm)
        });
        ty.attributes.write().insert(vm.ctx.intern_str("__mod__"), method);
        ty.modified();
    }
}

/// Installs the conversions (before the type sweep).
pub(crate) fn install(vm: &VirtualMachine) {
    let t = &vm.ctx.types;
    for ty in [t.bytes_type, t.bytearray_type] {
        guard_method(ty, "startswith", check_startswith, vm);
        guard_method(ty, "endswith", check_endswith, vm);
        guard_method(ty, "translate", check_translate, vm);
    }
    install_remainder(vm);
    let (int, float) = (t.int_type, t.float_type);
    wrap_slot!(int.slots.new, NUMBER_NEW[0], number_new::<0> as NewFn);
    wrap_slot!(float.slots.new, NUMBER_NEW[1], number_new::<1> as NewFn);
    wrap_slot!(int.slots.vectorcall, NUMBER_VECTORCALL[0], number_vectorcall::<0> as VectorCall);
    wrap_slot!(float.slots.vectorcall, NUMBER_VECTORCALL[1], number_vectorcall::<1> as VectorCall);
}
