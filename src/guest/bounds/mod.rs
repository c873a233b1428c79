//! Native work bounded before it starts (SPEC §5.8, with the memory reservations
//! of §5.6).
//!
//! A native operation never returns to the interpreter loop while it runs, so
//! neither the deadline nor fuel can stop it halfway. The operations whose
//! *result size* or *work* an argument chooses (`10 ** 10 ** 8`, `1 << 10 ** 10`,
//! `math.factorial(10 ** 7)`, `'x' * 10 ** 12`, `bytes(10 ** 12)`) are checked
//! before they start: an integer result of more than the policy's
//! `max_int_bits` is refused with `OverflowError` and an allowed one charged one
//! fuel unit per 64 bits; an allocation larger than the memory left is refused
//! with `MemoryError` (`meter::reserve`).
//!
//! - `int`: the `int` and `bool` number slots and methods (`**`, `pow()`, `<<`,
//!   `*`, division), and the `math` functions.
//! - `decimal`: the 4300-digit limit on `int` ↔ decimal text, and `int` made
//!   from text or bytes.
//! - `sequence`: repetition, padding, `join`, list assignment.
//! - `memoryview`: slicing and the in-use count of a view.
//! - `constructors`: `bytes(n)`, `tuple(x)`, `replace`, `int.to_bytes`,
//!   `dict.fromkeys`, `sorted`.
//! - `modules`: `collections`, `itertools`, `random`, `typing`, as each is
//!   handed out.
//!
//! The width and precision of formats are bounded in `text/format.rs`.
//!
//! A multiplication the interpreter has specialised (`BINARY_OP_MULTIPLY_INT`)
//! would bypass the slot: the compile pipeline keeps `*` generic
//! (`compile::keep_checked_paths_generic`).

mod constructors;
mod decimal;
mod int;
mod memoryview;
mod modules;
mod repr;
mod sequence;

pub(crate) use int::wrap_math;
pub(crate) use repr::meter_repr;
pub(crate) use modules::{install_typevar, wrap_collections, wrap_itertools, wrap_random, wrap_typing};

use std::cell::Cell;
use rustpython_vm::builtins::{PyBytes, PyInt, PyList, PyStr, PyTuple, PyTypeRef};
use rustpython_vm::function::FuncArgs;
use rustpython_vm::protocol::PyMapping;
use rustpython_vm::{PyObject, PyObjectRef, PyResult, TryFromObject, VirtualMachine};

/// Installs the bounds on this sandbox thread's built-in types, in an order
/// that matters once: the memoryview slicing fix replaces `__getitem__`
/// before the in-use count wraps it.
pub(crate) fn install(vm: &VirtualMachine, max_int_bits: u64) -> PyResult<()> {
    INT_BITS.with(|b| b.set(max_int_bits));
    int::install(vm);
    sequence::install(vm);
    memoryview::install(vm);
    decimal::install(vm)?;
    constructors::install(vm)
}

thread_local! {
    /// The sandbox's `max_int_bits`.
    static INT_BITS: Cell<u64> = const { Cell::new(u64::MAX) };
}

type AssSubscript =
    fn(PyMapping<'_>, &PyObject, Option<PyObjectRef>, &VirtualMachine) -> PyResult<()>;

/// What `lst += x` and `lst[i:j] = x` take from `x`: RustPython reserves
/// `len(x)` slots before it iterates anything other than an exact list or
/// tuple, so `lst += range(10**11)` (or a guest class whose `__len__` answers
/// `2**59`) asks for terabytes at once. Anything else is first collected into a
/// list by iterating it (through the metered iterators, growing as it goes).
fn collected(x: &PyObject, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    if x.downcast_ref_if_exact::<PyList>(vm).is_some()
        || x.downcast_ref_if_exact::<PyTuple>(vm).is_some()
    {
        return Ok(x.to_owned());
    }
    let items = Vec::<PyObjectRef>::try_from_object(vm, x.to_owned())?;
    Ok(vm.ctx.new_list(items).into())
}

/// Refuses a result of more than `max_int_bits` bits; charges an allowed one.
fn check_bits(bits: f64, what: &str, vm: &VirtualMachine) -> PyResult<()> {
    let limit = INT_BITS.with(Cell::get);
    if bits > limit as f64 {
        return Err(vm.new_overflow_error(format!(
            "{what} would have about {bits:.0} bits, over this sandbox's limit of {limit}"
        )));
    }
    super::meter::charge((bits / 64.0) as u64, vm)
}

fn int_of(obj: &PyObject) -> Option<&PyInt> {
    obj.downcast_ref::<PyInt>().map(|i| &**i)
}

pub(super) fn text_bytes(obj: &PyObject) -> Option<&[u8]> {
    obj.downcast_ref::<PyStr>()
        .map(|s| s.as_wtf8().as_bytes())
        .or_else(|| obj.downcast_ref::<PyBytes>().map(|b| b.as_bytes()))
}

type NewFn = fn(PyTypeRef, FuncArgs, &VirtualMachine) -> PyResult;
type InitFn = fn(PyObjectRef, FuncArgs, &VirtualMachine) -> PyResult<()>;

/// An object standing for an integer through `__index__`, read once: the
/// `int` it gives, which the caller passes on in its place, so the size check
/// and the native function see the same number (a guest `__index__` could
/// answer differently each time). Objects without `__index__` are `None`;
/// `int`s (and their subclasses, which RustPython reads without calling
/// `__index__`) are themselves.
fn index_once(arg: &PyObject, vm: &VirtualMachine) -> PyResult<Option<PyObjectRef>> {
    if arg.downcast_ref::<PyInt>().is_some() {
        return Ok(None);
    }
    match arg.try_index_opt(vm) {
        Some(index) => Ok(Some(index?.into())),
        None => Ok(None),
    }
}

type VectorCall =
    fn(&PyObject, Vec<PyObjectRef>, usize, Option<&[PyObjectRef]>, &VirtualMachine) -> PyResult;
