//! Bounds on native integer work whose cost is known from the arguments.
//!
//! A native operation never returns to the interpreter loop while it runs, so
//! neither the deadline nor fuel can stop it halfway. The operations whose
//! *result size* an argument chooses (`10 ** 10 ** 8`, `1 << 10 ** 10`,
//! `math.factorial(10 ** 7)`) are checked before they start: a result of more
//! than the policy's `max_int_bits` is refused with `OverflowError`, and an
//! allowed one is charged one fuel unit per 64 bits of result. The checks wrap
//! the `int` (and `bool`) number slots, so `**`, `pow()`, `<<`, `*` and their
//! in-place forms are all covered wherever they are reached from, and the
//! `math` functions the guest can import.
//!
//! A multiplication the interpreter has specialised (`BINARY_OP_MULTIPLY_INT`,
//! after a few runs of the same instruction) bypasses the slot: repeated
//! squaring can still grow an integer past `max_int_bits`, up to the memory
//! budget (see `SPEC.md`, known holes).

use num_traits::{Signed, ToPrimitive, Zero};
use rustpython_vm::builtins::{
    PyByteArray, PyBytes, PyInt, PyList, PySlice, PyStr, PyTuple, PyType, PyTypeRef,
};
use rustpython_vm::function::{FuncArgs, OptionalArg};
use rustpython_vm::protocol::{
    PyBuffer, PyMapping, PyNumberBinaryFunc, PyNumberTernaryFunc, PySequence,
};
use rustpython_vm::{
    AsObject, Py, PyObject, PyObjectRef, PyPayload, PyResult, TryFromBorrowedObject, TryFromObject,
    VirtualMachine,
};
use std::cell::Cell;
use std::sync::OnceLock;
use super::digits::check_decimal_digits;
use super::meter::{reserve, reserve_bounded};
use super::patch::{guard_method, module_type, native_methods, replace_method, typed_method, wrap_slot};

thread_local! {
    /// The sandbox's `max_int_bits`.
    static INT_BITS: Cell<u64> = const { Cell::new(u64::MAX) };
}

/// The interpreter's `int` slot functions behind the checked ones: `**` and
/// reflected `**`; `<<`, reflected `<<`, `*`, reflected `*`.
static TERNARY: [OnceLock<PyNumberTernaryFunc>; 2] = [const { OnceLock::new() }; 2];
static BINARY: [OnceLock<PyNumberBinaryFunc>; 4] = [const { OnceLock::new() }; 4];
type BinaryCheck = fn(&PyObject, &PyObject, &VirtualMachine) -> PyResult<()>;
const BINARY_CHECKS: [BinaryCheck; 4] =
    [check_lshift, check_lshift, check_multiply, check_multiply];

fn checked_binary<const I: usize>(a: &PyObject, b: &PyObject, vm: &VirtualMachine) -> PyResult {
    BINARY_CHECKS[I](a, b, vm)?;
    (BINARY[I].get().expect("installed"))(a, b, vm)
}

fn checked_ternary<const I: usize>(
    a: &PyObject,
    b: &PyObject,
    c: &PyObject,
    vm: &VirtualMachine,
) -> PyResult {
    check_power(a, b, c, vm)?;
    (TERNARY[I].get().expect("installed"))(a, b, c, vm)
}

/// The interpreter's `int` division slots: `//`, `%`, `divmod` and their
/// reflected forms.
static DIVISION: [OnceLock<PyNumberBinaryFunc>; 6] = [const { OnceLock::new() }; 6];

/// An integer division of large operands (more than 4096 bits between them)
/// costs one fuel unit per 64 bits, as a product does: its work grows faster
/// than its operands, which `max_int_bits` bounds.
fn charged_division<const I: usize>(a: &PyObject, b: &PyObject, vm: &VirtualMachine) -> PyResult {
    if let (Some(x), Some(y)) = (int_of(a), int_of(b)) {
        let bits = x.as_bigint().bits() + y.as_bigint().bits();
        if bits >= 4096 {
            super::meter::charge(bits / 64, vm)?;
        }
    }
    (DIVISION[I].get().expect("installed"))(a, b, vm)
}

/// Installs the checks on this sandbox thread's `int` and `bool` types.
pub(crate) fn install(vm: &VirtualMachine, max_int_bits: u64) -> PyResult<()> {
    INT_BITS.with(|b| b.set(max_int_bits));
    for ty in [vm.ctx.types.int_type, vm.ctx.types.bool_type] {
        let n = &ty.slots.as_number;
        wrap_slot!(
            n.power,
            TERNARY[0],
            checked_ternary::<0> as PyNumberTernaryFunc
        );
        wrap_slot!(
            n.right_power,
            TERNARY[1],
            checked_ternary::<1> as PyNumberTernaryFunc
        );
        wrap_slot!(
            n.lshift,
            BINARY[0],
            checked_binary::<0> as PyNumberBinaryFunc
        );
        wrap_slot!(
            n.right_lshift,
            BINARY[1],
            checked_binary::<1> as PyNumberBinaryFunc
        );
        wrap_slot!(
            n.multiply,
            BINARY[2],
            checked_binary::<2> as PyNumberBinaryFunc
        );
        wrap_slot!(
            n.right_multiply,
            BINARY[3],
            checked_binary::<3> as PyNumberBinaryFunc
        );
    }
    {
        let n = &vm.ctx.types.int_type.slots.as_number;
        wrap_slot!(n.floor_divide, DIVISION[0], charged_division::<0> as PyNumberBinaryFunc);
        wrap_slot!(n.right_floor_divide, DIVISION[1], charged_division::<1> as PyNumberBinaryFunc);
        wrap_slot!(n.remainder, DIVISION[2], charged_division::<2> as PyNumberBinaryFunc);
        wrap_slot!(n.right_remainder, DIVISION[3], charged_division::<3> as PyNumberBinaryFunc);
        wrap_slot!(n.divmod, DIVISION[4], charged_division::<4> as PyNumberBinaryFunc);
        wrap_slot!(n.right_divmod, DIVISION[5], charged_division::<5> as PyNumberBinaryFunc);
    }
    // The methods (`(10).__pow__(n)`, `int.__mul__`) were made from the slot
    // functions when the type was built: they go through the checks too.
    let int = vm.ctx.types.int_type;
    let binary: [(&str, PyNumberBinaryFunc, bool); 4] = [
        ("__lshift__", checked_binary::<0>, false),
        ("__rlshift__", checked_binary::<0>, true),
        ("__mul__", checked_binary::<2>, false),
        ("__rmul__", checked_binary::<2>, true),
    ];
    let mut attrs = int.attributes.write();
    for (name, f, reflected) in binary {
        let method = typed_method(
            vm,
            name,
            int,
            move |zelf: PyObjectRef, other: PyObjectRef, vm: &VirtualMachine| {
                if reflected {
                    f(&other, &zelf, vm)
                } else {
                    f(&zelf, &other, vm)
                }
            },
        );
        attrs.insert(vm.ctx.intern_str(name), method);
    }
    for (name, reflected) in [("__pow__", false), ("__rpow__", true)] {
        let method = typed_method(
            vm,
            name,
            int,
            move |zelf: PyObjectRef,
                  other: PyObjectRef,
                  modulus: OptionalArg<PyObjectRef>,
                  vm: &VirtualMachine| {
                let modulus = modulus.unwrap_or_none(vm);
                if reflected {
                    checked_ternary::<0>(&other, &zelf, &modulus, vm)
                } else {
                    checked_ternary::<0>(&zelf, &other, &modulus, vm)
                }
            },
        );
        attrs.insert(vm.ctx.intern_str(name), method);
    }
    drop(attrs);
    int.modified();
    install_sized(vm);
    install_formatting(vm);
    install_list_assignment(vm);
    // The slicing fix replaces `__getitem__` first: the use count wraps it.
    install_memoryview_slicing(vm);
    install_memoryview_in_use(vm);
    install_int_conversions(vm)?;
    install_constructors(vm)
}

type InplaceConcat = fn(PySequence<'_>, &PyObject, &VirtualMachine) -> PyResult;
type AssSubscript =
    fn(PyMapping<'_>, &PyObject, Option<PyObjectRef>, &VirtualMachine) -> PyResult<()>;
static LIST_INPLACE_CONCAT: OnceLock<InplaceConcat> = OnceLock::new();
static LIST_ASS_SUBSCRIPT: OnceLock<AssSubscript> = OnceLock::new();
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
        .map(|v| super::buffers::plain_view_value(mapping.obj, needle, v, vm))
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
                        super::buffers::plain_view_value(&zelf, &args.args[0], args.args[1].clone(), vm)?;
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

fn checked_list_inplace_concat(
    seq: PySequence<'_>,
    other: &PyObject,
    vm: &VirtualMachine,
) -> PyResult {
    let other = collected(other, vm)?;
    (LIST_INPLACE_CONCAT.get().expect("installed"))(seq, &other, vm)
}

fn checked_list_ass_subscript(
    mapping: PyMapping<'_>,
    needle: &PyObject,
    value: Option<PyObjectRef>,
    vm: &VirtualMachine,
) -> PyResult<()> {
    let value = match value {
        Some(v) if needle.downcast_ref::<PySlice>().is_some() => Some(collected(&v, vm)?),
        other => other,
    };
    (LIST_ASS_SUBSCRIPT.get().expect("installed"))(mapping, needle, value, vm)
}

/// `lst += x`, `lst.__iadd__(x)`, `lst[i:j] = x`, `lst.__setitem__(slice, x)`:
/// see [`collected`].
fn install_list_assignment(vm: &VirtualMachine) {
    let list = vm.ctx.types.list_type;
    wrap_slot!(
        list.slots.as_sequence.inplace_concat,
        LIST_INPLACE_CONCAT,
        checked_list_inplace_concat as InplaceConcat
    );
    wrap_slot!(
        list.slots.as_mapping.ass_subscript,
        LIST_ASS_SUBSCRIPT,
        checked_list_ass_subscript as AssSubscript
    );
    replace_method(list, "__iadd__", vm, |zelf, mut args, original, vm| {
        if let Some(x) = args.args.first_mut() {
            *x = collected(x, vm)?;
        }
        args.prepend_arg(zelf);
        original.call(args, vm)
    });
    replace_method(list, "__setitem__", vm, |zelf, mut args, original, vm| {
        if let [needle, value] = args.args.as_mut_slice() {
            if needle.downcast_ref::<PySlice>().is_some() {
                *value = collected(value, vm)?;
            }
        }
        args.prepend_arg(zelf);
        original.call(args, vm)
    });
    // `bytearray.resize(n)` fills `n` bytes at once.
    guard_method(
        vm.ctx.types.bytearray_type,
        "resize",
        |zelf, args, vm| match args.args.first().and_then(|n| int_of(n)) {
            Some(n) => {
                let now = zelf.length(vm)? as f64;
                let n = n.as_bigint().to_f64().unwrap_or(f64::INFINITY);
                reserve(n - now, "bytearray.resize()", vm)
            }
            None => Ok(()),
        },
        vm,
    );
    // `round(x, -n)` of an int computes `10 ** n` internally.
    guard_method(
        vm.ctx.types.int_type,
        "__round__",
        |_, args, vm| match args.args.first().and_then(|n| int_of(n)) {
            Some(n) if n.as_bigint().is_negative() => {
                let digits = n.as_bigint().abs().to_f64().unwrap_or(f64::INFINITY);
                check_bits(digits * std::f64::consts::LOG2_10, "round()", vm)
            }
            _ => Ok(()),
        },
        vm,
    );
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

/// log2 of |i|, at least 0.
fn log2_abs(i: &PyInt) -> f64 {
    let v = i.as_bigint();
    match v.abs().to_f64() {
        Some(f) if f.is_finite() && f > 0.0 => f.log2(),
        _ => v.bits() as f64,
    }
}

fn check_power(
    base: &PyObject,
    exp: &PyObject,
    modulus: &PyObject,
    vm: &VirtualMachine,
) -> PyResult<()> {
    if !vm.is_none(modulus) {
        return check_modular_power(exp, modulus, vm);
    }
    let (Some(b), Some(e)) = (int_of(base), int_of(exp)) else {
        return Ok(());
    };
    if e.as_bigint().is_negative() || b.as_bigint().abs() <= malachite_bigint::BigInt::from(1) {
        return Ok(()); // a float, or 0, 1, -1
    }
    let exponent = e.as_bigint().to_f64().unwrap_or(f64::INFINITY);
    check_bits(log2_abs(b) * exponent, "the power", vm)
}

/// Work allowed to `pow(b, e, m)` per bit of `max_int_bits`: by default
/// (4 Mibit) 2^42, about a second on the reference machine (`pow` with a
/// 16384-bit exponent and modulus takes 0.8 s).
const MODULAR_WORK_PER_BIT: f64 = (1u64 << 20) as f64;

/// `pow(b, e, m)`: bounded in size by the modulus, but it multiplies about
/// bits(e) times numbers of bits(m) bits (in RustPython each multiplication
/// is about quadratic): its work, bits(e) · bits(m)², is refused over
/// `max_int_bits` · 2^20 and otherwise charged one fuel unit per 2^25.
fn check_modular_power(exp: &PyObject, modulus: &PyObject, vm: &VirtualMachine) -> PyResult<()> {
    let (Some(e), Some(m)) = (int_of(exp), int_of(modulus)) else {
        return Ok(());
    };
    let m_bits = (m.as_bigint().bits() as f64).max(64.0);
    let work = e.as_bigint().bits() as f64 * m_bits * m_bits;
    let limit = INT_BITS.with(Cell::get) as f64 * MODULAR_WORK_PER_BIT;
    if work > limit {
        return Err(vm.new_overflow_error(format!(
            "pow() with a modulus of {} bits and an exponent of {} bits is over this \
             sandbox's limit of work (max_int_bits * 2^20 = {limit:.0})",
            m.as_bigint().bits(),
            e.as_bigint().bits()
        )));
    }
    super::meter::charge((work / (1u64 << 25) as f64) as u64, vm)
}

fn check_lshift(a: &PyObject, b: &PyObject, vm: &VirtualMachine) -> PyResult<()> {
    let (Some(x), Some(n)) = (int_of(a), int_of(b)) else {
        return Ok(());
    };
    if x.as_bigint().bits() == 0 || n.as_bigint().is_negative() {
        return Ok(()); // 0, or a ValueError from the shift itself
    }
    let shift = n.as_bigint().to_f64().unwrap_or(f64::INFINITY);
    check_bits(x.as_bigint().bits() as f64 + shift, "the shift", vm)
}

fn check_multiply(a: &PyObject, b: &PyObject, vm: &VirtualMachine) -> PyResult<()> {
    let (Some(x), Some(y)) = (int_of(a), int_of(b)) else {
        return refuse_unrepeatable(a, b, vm);
    };
    let bits = x.as_bigint().bits() + y.as_bigint().bits();
    if bits < 4096 {
        return Ok(()); // the common case: no float arithmetic, no charge
    }
    check_bits(bits as f64, "the product", vm)
}

/// `seq * n` or `n * seq` (also `*=`) where `seq`'s type has an item slot but
/// no way to repeat or multiply: `TypeError`, as in CPython.
///
/// RustPython's `seq *= n` then recurses without bound in native code (its
/// in-place repeat falls back to `*=`, which falls back to the in-place
/// repeat, ...) until the native stack overflows and the process aborts:
/// `r = range(0); r *= 0`, or any guest class with `__getitem__` and no
/// `__mul__`. Every turn of that loop asks the `int` multiply slot (the count
/// is an `int`), so it ends here, at its first or second turn.
fn refuse_unrepeatable(a: &PyObject, b: &PyObject, vm: &VirtualMachine) -> PyResult<()> {
    let (seq, count) = match (int_of(a), int_of(b)) {
        (None, Some(_)) => (a, b),
        (Some(_), None) => (b, a),
        _ => return Ok(()),
    };
    let slots = &seq.class().slots;
    let (sq, nb) = (&slots.as_sequence, &slots.as_number);
    // Mixed arithmetic (`2 * 1.5`) passes here: the item slot rules it out first.
    if sq.item.load().is_none()
        || sq.repeat.load().is_some()
        || sq.inplace_repeat.load().is_some()
        || nb.multiply.load().is_some()
        || nb.right_multiply.load().is_some()
        || nb.inplace_multiply.load().is_some()
    {
        return Ok(());
    }
    let (left, right) = if seq.is(a) {
        (seq, count)
    } else {
        (count, seq)
    };
    Err(vm.new_type_error(format!(
        "unsupported operand type(s) for *: '{}' and '{}'",
        left.class().name(),
        right.class().name()
    )))
}

/// A sequence-repeat slot function.
type Repeat = fn(PySequence<'_>, isize, &VirtualMachine) -> PyResult;

/// The sequence types whose repetition is checked, and their repeat slots.
const SEQUENCES: usize = 6;
static REPEAT: [OnceLock<Repeat>; SEQUENCES] = [const { OnceLock::new() }; SEQUENCES];
static INPLACE_REPEAT: [OnceLock<Repeat>; SEQUENCES] = [const { OnceLock::new() }; SEQUENCES];


/// Bytes per element of a sequence, for the size of a repetition.
fn repeated_size(obj: &PyObject, n: isize, vm: &VirtualMachine) -> PyResult<f64> {
    let unit = if let Some(s) = obj.downcast_ref::<PyStr>() {
        s.byte_len()
    } else {
        obj.length(vm)?.saturating_mul(
            if obj.downcast_ref::<PyBytes>().is_some()
                || obj.downcast_ref::<PyByteArray>().is_some()
            {
                1
            } else {
                std::mem::size_of::<PyObjectRef>()
            },
        )
    };
    Ok(unit as f64 * n.max(0) as f64)
}

fn checked_repeat<const I: usize>(seq: PySequence<'_>, n: isize, vm: &VirtualMachine) -> PyResult {
    reserve(repeated_size(seq.obj, n, vm)?, "the repetition", vm)?;
    (REPEAT[I].get().expect("installed"))(seq, n, vm)
}

fn checked_inplace_repeat<const I: usize>(
    seq: PySequence<'_>,
    n: isize,
    vm: &VirtualMachine,
) -> PyResult {
    reserve(repeated_size(seq.obj, n, vm)?, "the repetition", vm)?;
    (INPLACE_REPEAT[I].get().expect("installed"))(seq, n, vm)
}

/// Routes the repetition of sequence type `ty` (number `i` of [`REPEAT`])
/// through the checked slots: `*`, `*=`, `__mul__`, `__rmul__`, `__imul__`.
fn wrap_repeat(ty: &'static Py<PyType>, i: usize, vm: &VirtualMachine) {
    let repeat: [Repeat; SEQUENCES] = [
        checked_repeat::<0>,
        checked_repeat::<1>,
        checked_repeat::<2>,
        checked_repeat::<3>,
        checked_repeat::<4>,
        checked_repeat::<5>,
    ];
    let inplace: [Repeat; SEQUENCES] = [
        checked_inplace_repeat::<0>,
        checked_inplace_repeat::<1>,
        checked_inplace_repeat::<2>,
        checked_inplace_repeat::<3>,
        checked_inplace_repeat::<4>,
        checked_inplace_repeat::<5>,
    ];
    let s = &ty.slots.as_sequence;
    wrap_slot!(s.repeat, REPEAT[i], repeat[i]);
    wrap_slot!(s.inplace_repeat, INPLACE_REPEAT[i], inplace[i]);
    // `__mul__`, `__rmul__`, `__imul__` were made from the slots when the
    // type was built: route them through the checked slot.
    let mut attrs = ty.attributes.write();
    for (name, slot) in [
        ("__mul__", repeat[i]),
        ("__rmul__", repeat[i]),
        ("__imul__", inplace[i]),
    ] {
        let installed = if name == "__imul__" {
            INPLACE_REPEAT[i].get()
        } else {
            REPEAT[i].get()
        };
        let name = vm.ctx.intern_str(name);
        if attrs.get(name).is_none() || installed.is_none() {
            continue;
        }
        let method = typed_method(
            vm,
            name.as_str(),
            ty,
            move |zelf: PyObjectRef, n: PyObjectRef, vm: &VirtualMachine| -> PyResult {
                let Some(n) = int_of(&n) else {
                    return Ok(vm.ctx.not_implemented());
                };
                let n = n.as_bigint().to_isize().ok_or_else(|| {
                    vm.new_overflow_error("cannot fit 'int' into an index-sized integer")
                })?;
                slot(PySequence { obj: &zelf }, n, vm)
            },
        );
        attrs.insert(name, method);
    }
    drop(attrs);
    ty.modified();
}

/// `collections.deque(x) * n` (and `*=`) is checked like a list's: the module's
/// deque type is the sixth checked sequence. Its comparison, `remove` and
/// `insert` trust no lock or position across guest code (`compare.rs`,
/// `deque.rs`).
pub(crate) fn wrap_collections(module: &PyObjectRef, vm: &VirtualMachine) -> PyResult<()> {
    let ty = module_type(module, "deque", vm)?;
    wrap_repeat(ty, SEQUENCES - 1, vm);
    super::deque::install(ty, vm)?;
    super::compare::install_deque(ty, vm)
}

/// The `itertools` constructors that allocate from a number before any item:
/// `combinations(it, r)` and `combinations_with_replacement(it, r)` (`r`
/// indices), `product(*its, repeat=n)` (`n` copies of every pool).
/// `permutations(it, r)` with `r` past `usize::MAX` panicked in RustPython
/// (an `unwrap`); any `r` above the pool's length gives no permutation, so
/// such an `r` is passed on as `usize::MAX`.
static ITERTOOLS_NEW: [OnceLock<NewFn>; 4] = [const { OnceLock::new() }; 4];

fn checked_itertools_new<const I: usize>(
    cls: PyTypeRef,
    mut args: FuncArgs,
    vm: &VirtualMachine,
) -> PyResult {
    if I == 3 {
        let huge = |r: &PyObjectRef| {
            r.downcast_ref::<PyInt>()
                .is_some_and(|r| r.as_bigint().to_usize().is_none() && r.as_bigint().is_positive())
        };
        if let Some(r) = args.args.get_mut(1).filter(|r| huge(r)) {
            *r = vm.ctx.new_int(usize::MAX).into();
        }
        return (ITERTOOLS_NEW[I].get().expect("installed"))(cls, args, vm);
    }
    let number = |pos: usize, name: &str| {
        args.args
            .get(pos)
            .or_else(|| args.kwargs.get(name))
            .and_then(|n| int_of(n))
            .map(|n| n.as_bigint().to_f64().unwrap_or(f64::INFINITY))
    };
    let r = number(1, "r").unwrap_or(0.0);
    let repeat = number(usize::MAX, "repeat").unwrap_or(1.0);
    let bytes = if I < 2 {
        r * 8.0
    } else {
        // Each pool is copied `repeat` times: a vector header and its items.
        // Every pool but an exact list or tuple is collected first (through
        // the metered iterators), as `product` itself would, so that its true
        // length is known: a pool without a length (a generator) counted as
        // one item, and `product(gen, repeat=10**6)` then copied a thousand
        // items a million times in one step (a `__len__` could lie as well).
        let mut pools = 0.0;
        for pool in args.args.iter_mut() {
            *pool = collected(pool, vm)?;
            pools += 24.0 + 8.0 * pool.length(vm).unwrap_or(1) as f64;
        }
        repeat * pools
    };
    reserve(bytes, "the iterator", vm)?;
    (ITERTOOLS_NEW[I].get().expect("installed"))(cls, args, vm)
}

/// Checks the `itertools` constructors above, and `tee(it, n)` (`n` iterators
/// at once), of the module about to be handed out.
pub(crate) fn wrap_itertools(module: &PyObjectRef, vm: &VirtualMachine) -> PyResult<()> {
    let checked: [NewFn; 4] = [
        checked_itertools_new::<0>,
        checked_itertools_new::<1>,
        checked_itertools_new::<2>,
        checked_itertools_new::<3>,
    ];
    for (i, name) in [
        "combinations",
        "combinations_with_replacement",
        "product",
        "permutations",
    ]
    .into_iter()
    .enumerate()
    {
        if let Ok(ty) = module.get_attr(name, vm)?.downcast::<PyType>() {
            wrap_slot!(ty.slots.new, ITERTOOLS_NEW[i], checked[i]);
        }
    }
    let tee = module.get_attr("tee", vm)?;
    let wrapped = vm.new_function(
        "tee",
        move |args: FuncArgs, vm: &VirtualMachine| -> PyResult {
            let n = args
                .args
                .get(1)
                .and_then(|n| int_of(n))
                .map_or(0.0, |n| n.as_bigint().to_f64().unwrap_or(f64::INFINITY));
            // A tee object and its slot, at the least.
            reserve(n * 64.0, "tee()", vm)?;
            tee.call(args, vm)
        },
    );
    module.set_attr("tee", wrapped, vm)
}

/// Methods whose result size is an argument: (type, name, which argument is
/// the width or count, how the size follows from it).
#[derive(Clone, Copy)]
enum Sized {
    /// The result is at least `width` characters (bytes for bytes types).
    Width,
    /// `expandtabs(tabsize)`: each tab may become `tabsize` characters.
    Tabs,
}

/// Checks repetition (`*`, `*=`, `__mul__`, ...) of `str`, `bytes`,
/// `bytearray`, `list` and `tuple`, and the padding methods, against the
/// memory left, before they allocate.
fn install_sized(vm: &VirtualMachine) {
    let t = &vm.ctx.types;
    let seqs = [
        t.str_type,
        t.bytes_type,
        t.bytearray_type,
        t.list_type,
        t.tuple_type,
    ];
    for (i, ty) in seqs.into_iter().enumerate() {
        wrap_repeat(ty, i, vm);
    }
    let padded: [(&'static Py<PyType>, &str, Sized); 12] = [
        (t.str_type, "ljust", Sized::Width),
        (t.str_type, "rjust", Sized::Width),
        (t.str_type, "center", Sized::Width),
        (t.str_type, "zfill", Sized::Width),
        (t.str_type, "expandtabs", Sized::Tabs),
        (t.bytes_type, "ljust", Sized::Width),
        (t.bytes_type, "rjust", Sized::Width),
        (t.bytes_type, "center", Sized::Width),
        (t.bytes_type, "zfill", Sized::Width),
        (t.bytes_type, "expandtabs", Sized::Tabs),
        (t.bytearray_type, "ljust", Sized::Width),
        (t.bytearray_type, "expandtabs", Sized::Tabs),
    ];
    for (ty, name, kind) in padded {
        let key = vm.ctx.intern_str(name);
        let Some(original) = ty.attributes.read().get(key).cloned() else {
            continue;
        };
        let method = typed_method(
            vm,
            name,
            ty,
            move |zelf: PyObjectRef, args: FuncArgs, vm: &VirtualMachine| -> PyResult {
                let arg = args.args.first().or_else(|| {
                    args.kwargs
                        .get("width")
                        .or_else(|| args.kwargs.get("tabsize"))
                });
                if let Some(n) = arg
                    .and_then(|a| int_of(a))
                    .and_then(|i| i.as_bigint().to_f64())
                {
                    if matches!(kind, Sized::Tabs) && n <= 0.0 {
                        // CPython drops the tabs; RustPython panics on a tab
                        // after text ("capacity overflow").
                        let (tab, nothing): (PyObjectRef, PyObjectRef) =
                            if zelf.downcast_ref::<PyStr>().is_some() {
                                (vm.ctx.new_str("\t").into(), vm.ctx.new_str("").into())
                            } else {
                                (
                                    vm.ctx.new_bytes(b"\t".to_vec()).into(),
                                    vm.ctx.new_bytes(Vec::new()).into(),
                                )
                            };
                        return vm.call_method(&zelf, "replace", (tab, nothing));
                    }
                    let bytes = match kind {
                        // Each padding character is written in full: a fill
                        // of up to four bytes (`ljust(n, '\U0001f600')`)
                        // makes up to 4n bytes in one allocation.
                        Sized::Width => {
                            let fill = args
                                .args
                                .get(1)
                                .or_else(|| args.kwargs.get("fillchar"))
                                .and_then(|f| f.downcast_ref::<PyStr>().map(|s| s.as_wtf8().len()))
                                .unwrap_or(1)
                                .max(1);
                            n * fill as f64
                        }
                        Sized::Tabs => {
                            let tabs = zelf
                                .downcast_ref::<PyStr>()
                                .map(|s| {
                                    s.as_wtf8()
                                        .as_bytes()
                                        .iter()
                                        .filter(|b| **b == b'\t')
                                        .count()
                                })
                                .or_else(|| {
                                    zelf.downcast_ref::<PyBytes>().map(|b| {
                                        b.as_bytes().iter().filter(|b| **b == b'\t').count()
                                    })
                                })
                                .unwrap_or(0);
                            n * tabs as f64
                        }
                    };
                    reserve(bytes, &format!("{name}()"), vm)?;
                }
                let mut args = args;
                args.prepend_arg(zelf);
                original.call(args, vm)
            },
        );
        ty.attributes.write().insert(key, method);
        ty.modified();
    }
}

/// The largest number written in a format specification or `%` template: an
/// upper bound of the width or precision it asks for.
fn largest_number(text: &[u8]) -> f64 {
    text.split(|b| !b.is_ascii_digit())
        .filter(|run| !run.is_empty())
        .map(|run| {
            std::str::from_utf8(run)
                .ok()
                .and_then(|r| r.parse::<f64>().ok())
                .unwrap_or(f64::INFINITY)
        })
        .fold(0.0, f64::max)
}

fn text_bytes(obj: &PyObject) -> Option<&[u8]> {
    obj.downcast_ref::<PyStr>()
        .map(|s| s.as_wtf8().as_bytes())
        .or_else(|| obj.downcast_ref::<PyBytes>().map(|b| b.as_bytes()))
}

/// `format(x, spec)`, f-string `{x:spec}`: the width and precision.
fn check_format(zelf: &PyObject, args: &FuncArgs, vm: &VirtualMachine) -> PyResult<()> {
    if let Some(spec) = args.args.first().and_then(|s| text_bytes(s)) {
        check_precision(spec_precision(spec), vm)?;
        // A non-ASCII fill character takes up to four bytes per padding place.
        let fill = if spec.iter().any(|b| *b >= 0x80) { 4.0 } else { 1.0 };
        reserve(largest_number(spec) * fill, "the format specification", vm)?;
        // An `int` written in decimal (no presentation type, `d` or `n`).
        let presentation = spec.last().filter(|c| c.is_ascii_alphabetic() || **c == b'%');
        if matches!(presentation, None | Some(b'd' | b'n')) {
            check_decimal_digits(zelf, vm)?;
        }
    }
    Ok(())
}

/// The interpreter's `int` repr (and so `str`), behind the digit limit.
static INT_REPR: OnceLock<ReprSlot> = OnceLock::new();
static RANGE_REPR: OnceLock<ReprSlot> = OnceLock::new();

/// `repr(range(...))` writes its bounds by the fast path.
fn checked_range_repr(zelf: &PyObject, vm: &VirtualMachine) -> PyResult<rustpython_vm::PyRef<PyStr>> {
    if let Some(range) = zelf.downcast_ref::<rustpython_vm::builtins::PyRange>() {
        for bound in [&range.start, &range.stop, &range.step] {
            check_decimal_digits(bound.as_object(), vm)?;
        }
    }
    (RANGE_REPR.get().expect("installed"))(zelf, vm)
}

type ReprSlot = fn(&PyObject, &VirtualMachine) -> PyResult<rustpython_vm::PyRef<PyStr>>;

fn checked_int_repr(zelf: &PyObject, vm: &VirtualMachine) -> PyResult<rustpython_vm::PyRef<PyStr>> {
    check_decimal_digits(zelf, vm)?;
    (INT_REPR.get().expect("installed"))(zelf, vm)
}

/// The interpreter's `int` constructor and fast call, behind the size check.
static INT_NEW: OnceLock<NewFn> = OnceLock::new();
static INT_VECTORCALL: OnceLock<VectorCall> = OnceLock::new();

/// Refuses an `int` made from text or bytes (`int(text, 16)`,
/// `int.from_bytes(...)`) of more than `max_int_bits` bits: it is linear to
/// build, but every later operation on it would be past the bound the
/// arithmetic keeps (a 64 MiB `from_bytes` made a 512 Mibit number whose
/// `str()` or `%` ran for tens of seconds in one native call).
fn check_made_int(result: PyResult, vm: &VirtualMachine) -> PyResult {
    let made = result?;
    if let Some(i) = int_of(&made) {
        let bits = i.as_bigint().bits();
        if bits > 4096 {
            check_bits(bits as f64, "the integer", vm)?;
        }
    }
    Ok(made)
}

fn checked_int_new(cls: PyTypeRef, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
    check_made_int((INT_NEW.get().expect("installed"))(cls, args, vm), vm)
}

fn checked_int_vectorcall(
    callable: &PyObject,
    args: Vec<PyObjectRef>,
    nargs: usize,
    kwnames: Option<&[PyObjectRef]>,
    vm: &VirtualMachine,
) -> PyResult {
    let original = INT_VECTORCALL.get().expect("installed");
    check_made_int(original(callable, args, nargs, kwnames, vm), vm)
}

static STR_NEW: OnceLock<NewFn> = OnceLock::new();
static STR_VECTORCALL: OnceLock<VectorCall> = OnceLock::new();

fn checked_str_new(cls: PyTypeRef, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
    if let (Some(first), 1) = (args.args.first(), args.args.len()) {
        check_decimal_digits(first, vm)?;
    }
    (STR_NEW.get().expect("installed"))(cls, args, vm)
}

fn checked_str_vectorcall(
    callable: &PyObject,
    args: Vec<PyObjectRef>,
    nargs: usize,
    kwnames: Option<&[PyObjectRef]>,
    vm: &VirtualMachine,
) -> PyResult {
    if nargs == 1 {
        check_decimal_digits(&args[0], vm)?;
    }
    (STR_VECTORCALL.get().expect("installed"))(callable, args, nargs, kwnames, vm)
}

/// The limits on making and writing integers: construction from text or
/// bytes counts against `max_int_bits`, decimal text is at most
/// `digits::MAX_STR_DIGITS` digits (CPython's default), both ways.
/// `format(x)` and `format(x, '')` of an exact `int` take the fast path.
fn wrap_builtin_format(vm: &VirtualMachine) -> PyResult<()> {
    // A policy without builtins has no `format` to wrap.
    let Ok(format) = vm.builtins.get_attr("format", vm) else {
        return Ok(());
    };
    let checked_format = vm.new_function(
        "format",
        move |args: FuncArgs, vm: &VirtualMachine| -> PyResult {
            let spec = args.args.get(1).or_else(|| args.kwargs.get("format_spec"));
            let empty = spec.is_none_or(|s| {
                s.downcast_ref::<PyStr>()
                    .is_some_and(|s| s.as_wtf8().is_empty())
            });
            if let (Some(value), true) = (args.args.first(), empty) {
                check_decimal_digits(value, vm)?;
            }
            format.call(args, vm)
        },
    );
    vm.builtins.set_attr("format", checked_format, vm)
}

/// The native exception types that define their own `__str__` (RustPython's
/// `exceptions.rs`; every other one inherits one of these: a unit test walks
/// them all, so an engine upgrade that adds one fails it).
fn exceptions_with_own_str(vm: &VirtualMachine) -> [&'static Py<PyType>; 8] {
    let e = &vm.ctx.exceptions;
    [
        e.base_exception_type,
        e.base_exception_group,
        e.key_error,
        e.os_error,
        e.syntax_error,
        e.unicode_decode_error,
        e.unicode_encode_error,
        e.unicode_translate_error,
    ]
}

/// `list.index(x)`, `list.remove(x)` and `range.index(x)` that do not find an
/// `int` of more than 4300 digits wrote it into their message by
/// RustPython's fast path (quadratic work no slot sees). For such a needle the
/// search runs here, CPython's way (first item identical or equal, in
/// `[start, stop)`), and not finding it is CPython's error: the digit limit's
/// `ValueError` for `index`, `list.remove(x): x not in list` for `remove`. A
/// needle that is found is left to the interpreter.
fn install_search_messages(vm: &VirtualMachine) {
    fn position(list: &PyObject, needle: &PyObject, start: usize, stop: usize, vm: &VirtualMachine) -> PyResult<Option<usize>> {
        let mut i = start;
        loop {
            let Some(item) = list
                .downcast_ref::<PyList>()
                .and_then(|l| (i < stop).then(|| l.borrow_vec().get(i).cloned()).flatten())
            else {
                return Ok(None);
            };
            super::meter::charge_native(vm)?;
            if item.is(needle) || item.rich_compare_bool(needle, rustpython_vm::types::PyComparisonOp::Eq, vm)? {
                return Ok(Some(i));
            }
            i += 1;
        }
    }
    fn bound(arg: Option<&PyObjectRef>, len: usize, vm: &VirtualMachine) -> PyResult<usize> {
        let Some(arg) = arg.filter(|a| !vm.is_none(a)) else {
            return Ok(len);
        };
        let i = arg.try_index(vm)?;
        let i = i.as_bigint();
        let len_i = malachite_bigint::BigInt::from(len);
        let clamped = if i.is_negative() { (i + &len_i).max(Zero::zero()) } else { i.clone().min(len_i) };
        Ok(clamped.to_usize().unwrap_or(len))
    }
    let list = vm.ctx.types.list_type;
    replace_method(list, "index", vm, |zelf, mut args, original, vm| {
        if args.args.first().is_some_and(|x| super::digits::too_many_digits(x)) && args.kwargs.is_empty() {
            let len = zelf.downcast_ref::<PyList>().map_or(0, |l| l.borrow_vec().len());
            let start = match args.args.get(1) {
                Some(a) => bound(Some(a), len, vm)?,
                None => 0,
            };
            let stop = bound(args.args.get(2), len, vm)?;
            return match position(&zelf, &args.args[0], start, stop, vm)? {
                Some(i) => Ok(vm.ctx.new_int(i).into()),
                None => Err(super::digits::limit_error(vm)),
            };
        }
        args.prepend_arg(zelf);
        original.call(args, vm)
    });
    replace_method(list, "remove", vm, |zelf, mut args, original, vm| {
        if args.args.len() == 1 && args.kwargs.is_empty() && super::digits::too_many_digits(&args.args[0]) {
            let len = zelf.downcast_ref::<PyList>().map_or(0, |l| l.borrow_vec().len());
            return match position(&zelf, &args.args[0], 0, len, vm)? {
                Some(i) => {
                    if let Some(l) = zelf.downcast_ref::<PyList>() {
                        let removed = {
                            let mut items = l.borrow_vec_mut();
                            (i < items.len()).then(|| items.remove(i))
                        };
                        drop(removed);
                    }
                    Ok(vm.ctx.none())
                }
                None => Err(vm.new_value_error("list.remove(x): x not in list")),
            };
        }
        args.prepend_arg(zelf);
        original.call(args, vm)
    });
    let range = vm.ctx.types.range_type;
    replace_method(range, "index", vm, |zelf, mut args, original, vm| {
        if args.args.len() == 1 && args.kwargs.is_empty() && super::digits::too_many_digits(&args.args[0]) {
            let contains = vm.call_method(&zelf, "__contains__", (args.args[0].clone(),))?;
            if !contains.try_to_bool(vm)? {
                return Err(super::digits::limit_error(vm));
            }
        }
        args.prepend_arg(zelf);
        original.call(args, vm)
    });
}

fn install_int_conversions(vm: &VirtualMachine) -> PyResult<()> {
    install_search_messages(vm);
    // RustPython writes an exact `int` by a fast path no slot sees
    // (`PyObject::str`, and `vm.format` with an empty spec). Its callers that
    // a guest reaches with an `int` of its choice get the limit here: every
    // exception type's own `__str__` (its arguments, one level into tuples:
    // `OSError(x, 'a')`, `SyntaxError('m', ('f', x, 0, 0))`), the `range`
    // repr, `format(x)` and `object.__format__(x, '')`. Compiled f-strings
    // and `%` literals are checked where they are compiled (`text`).
    for ty in exceptions_with_own_str(vm) {
        replace_method(ty, "__str__", vm, |zelf, mut args, original, vm| {
            if let Some(exc) = zelf.downcast_ref::<rustpython_vm::builtins::PyBaseException>() {
                for arg in exc.args().iter() {
                    check_decimal_digits(arg, vm)?;
                    if let Some(items) = arg.downcast_ref::<PyTuple>() {
                        for item in items.iter() {
                            check_decimal_digits(item, vm)?;
                        }
                    }
                }
            }
            args.prepend_arg(zelf);
            original.call(args, vm)
        });
    }
    wrap_slot!(
        vm.ctx.types.range_type.slots.repr,
        RANGE_REPR,
        checked_range_repr as ReprSlot
    );
    let range = vm.ctx.types.range_type;
    replace_method(range, "__repr__", vm, |zelf, _args, _original, vm| {
        checked_range_repr(&zelf, vm).map(Into::into)
    });
    let object = vm.ctx.types.object_type;
    replace_method(object, "__format__", vm, |zelf, mut args, original, vm| {
        let empty = args.args.first().is_none_or(|s| {
            s.downcast_ref::<PyStr>()
                .is_some_and(|s| s.as_wtf8().is_empty())
        });
        if empty {
            check_decimal_digits(&zelf, vm)?;
        }
        args.prepend_arg(zelf);
        original.call(args, vm)
    });
    wrap_builtin_format(vm)?;
    let int = vm.ctx.types.int_type;
    wrap_slot!(int.slots.repr, INT_REPR, checked_int_repr as ReprSlot);
    wrap_slot!(int.slots.new, INT_NEW, checked_int_new as NewFn);
    wrap_slot!(int.slots.vectorcall, INT_VECTORCALL, checked_int_vectorcall as VectorCall);
    for name in ["__repr__", "__str__"] {
        replace_method(int, name, vm, |zelf, _args, _original, vm| {
            checked_int_repr(&zelf, vm).map(Into::into)
        });
    }
    // `str(i)` of an exact `int` skips its slots (a fast path in RustPython).
    let str_type = vm.ctx.types.str_type;
    wrap_slot!(str_type.slots.new, STR_NEW, checked_str_new as NewFn);
    wrap_slot!(str_type.slots.vectorcall, STR_VECTORCALL, checked_str_vectorcall as VectorCall);
    // `int.from_bytes` is a class method: wrapped as one, the result checked.
    let key = vm.ctx.intern_str("from_bytes");
    let raw = int.attributes.read().get(key).cloned();
    if let Some(raw) = raw {
        let wrapped = vm.new_function(
            "from_bytes",
            move |args: FuncArgs, vm: &VirtualMachine| -> PyResult {
                let mut args = args;
                let cls = if args.args.is_empty() {
                    return Err(vm.new_type_error("from_bytes() needs its class"));
                } else {
                    args.args.remove(0)
                };
                // The interpreter's class method, bound to the class asked for.
                let bound = match vm.call_get_descriptor_specific(&raw, None, Some(cls)) {
                    Some(bound) => bound?,
                    None => raw.clone(),
                };
                check_made_int(bound.call(args, vm), vm)
            },
        );
        let method = rustpython_vm::builtins::PyClassMethod::from(PyObjectRef::from(wrapped))
            .into_ref(&vm.ctx);
        int.attributes.write().insert(key, method.into());
        int.modified();
    }
    Ok(())
}

/// `template % values`: widths and precisions written in the template, and
/// those passed as `*` arguments.
fn check_percent(template: &PyObject, values: &PyObject, vm: &VirtualMachine) -> PyResult<()> {
    let copied;
    let text = match (text_bytes(template), template.downcast_ref::<PyByteArray>()) {
        (Some(text), _) => text,
        (None, Some(array)) => {
            copied = array.borrow_buf().to_vec();
            &copied[..]
        }
        (None, None) => return Ok(()),
    };
    let is_bytes = template.downcast_ref::<PyStr>().is_none();
    let sizes = super::text::percent_pieces(text, is_bytes, values, vm);
    if let Some(int) = &sizes.long_decimal {
        check_decimal_digits(int, vm)?;
    }
    check_precision(sizes.precision, vm)?;
    reserve(sizes.largest + sizes.pieces, "the % format", vm)
}

/// The largest precision a format may ask for. RustPython formats floats
/// (`e`, `g`, `%`) with Rust's formatter, which takes at most 65535 digits and
/// panics past it (`format(1.0, '.65536e')` stopped the sandbox as an
/// interpreter failure); CPython gives the digits. Refused with `ValueError`.
const MAX_PRECISION: f64 = 65_534.0;

fn check_precision(precision: f64, vm: &VirtualMachine) -> PyResult<()> {
    if precision > MAX_PRECISION {
        return Err(vm.new_value_error(format!(
            "precision {precision:.0} is too large in this sandbox (at most {MAX_PRECISION:.0})"
        )));
    }
    Ok(())
}

/// The precision of a format specification
/// (`[[fill]align][sign][z][#][0][width][grouping][.precision][type]`): the
/// digits after its last `.` (a `.` fill character is followed by an
/// alignment, not digits).
fn spec_precision(spec: &[u8]) -> f64 {
    spec.iter().rposition(|&b| b == b'.').map_or(0.0, |dot| {
        spec[dot + 1..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .fold(0.0, |n, &d| n * 10.0 + f64::from(d - b'0'))
    })
}

static REMAINDER: [OnceLock<PyNumberBinaryFunc>; 3] = [const { OnceLock::new() }; 3];

fn checked_remainder<const I: usize>(a: &PyObject, b: &PyObject, vm: &VirtualMachine) -> PyResult {
    check_percent(a, b, vm)?;
    (REMAINDER[I].get().expect("installed"))(a, b, vm)
}

fn install_formatting(vm: &VirtualMachine) {
    let t = &vm.ctx.types;
    for (i, ty) in [t.str_type, t.bytes_type, t.bytearray_type]
        .into_iter()
        .enumerate()
    {
        let checked = [
            checked_remainder::<0>,
            checked_remainder::<1>,
            checked_remainder::<2>,
        ][i] as PyNumberBinaryFunc;
        wrap_slot!(ty.slots.as_number.remainder, REMAINDER[i], checked);
        guard_method(
            ty,
            "__mod__",
            |zelf, args, vm| match args.args.first() {
                Some(values) => check_percent(zelf, values, vm),
                None => Ok(()),
            },
            vm,
        );
    }
    // `bool` has a `__format__` of its own (a sweep found it unchecked:
    // `format(True, '.70000e')` panicked).
    for ty in [
        t.int_type,
        t.bool_type,
        t.float_type,
        t.complex_type,
        t.str_type,
    ] {
        guard_method(ty, "__format__", check_format, vm);
    }
}

type NewFn = fn(PyTypeRef, FuncArgs, &VirtualMachine) -> PyResult;
type InitFn = fn(PyObjectRef, FuncArgs, &VirtualMachine) -> PyResult<()>;

/// Bytes a constructor (or `sorted`) would allocate up front for its first
/// argument: `bytes(n)` and `bytearray(n)` make `n` bytes; a `range` is
/// materialised whole (its length is known, so the list is sized at once).
/// `bytes(source=n)` counts too.
fn materialized_size(args: &FuncArgs, vm: &VirtualMachine) -> f64 {
    args.args
        .first()
        .or_else(|| args.kwargs.get("source"))
        .map_or(0.0, |first| size_of_first(first, vm))
}

fn size_of_first(first: &PyObject, vm: &VirtualMachine) -> f64 {
    if let Some(n) = int_of(first) {
        return n.as_bigint().to_f64().unwrap_or(f64::INFINITY).max(0.0);
    }
    if first.class().is(vm.ctx.types.range_type) {
        return match first.length(vm) {
            Ok(len) => len as f64 * std::mem::size_of::<PyObjectRef>() as f64,
            Err(_) => f64::INFINITY,
        };
    }
    0.0
}

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

/// `bytes(x)` and `bytearray(x)` (`x` not an `int`) read a size through
/// `x.__index__` (for `bytes`, when `x` has no `__bytes__`), out of sight of
/// the size check, which sees no `int`: `bytes(H())` with an `__index__`
/// returning `10**11` asked the allocator for 100 GB at once, and froze the
/// thread. The size is read here, once ([`index_once`]).
fn read_size_once(args: &mut FuncArgs, bytes: bool, vm: &VirtualMachine) -> PyResult<()> {
    let source = match args.args.first_mut() {
        Some(first) => first,
        None => match args.kwargs.get_mut("source") {
            Some(source) => source,
            None => return Ok(()),
        },
    };
    if bytes && source.class().has_attr(vm.ctx.intern_str("__bytes__")) {
        return Ok(());
    }
    if let Some(size) = index_once(source, vm)? {
        *source = size;
    }
    Ok(())
}

type VectorCall =
    fn(&PyObject, Vec<PyObjectRef>, usize, Option<&[PyObjectRef]>, &VirtualMachine) -> PyResult;

static VECTORCALL: [OnceLock<VectorCall>; 3] = [const { OnceLock::new() }; 3];

fn checked_vectorcall<const I: usize>(
    callable: &PyObject,
    args: Vec<PyObjectRef>,
    nargs: usize,
    kwnames: Option<&[PyObjectRef]>,
    vm: &VirtualMachine,
) -> PyResult {
    if nargs > 0 {
        reserve(size_of_first(&args[0], vm), "the new object", vm)?;
    }
    (VECTORCALL[I].get().expect("installed"))(callable, args, nargs, kwnames, vm)
}

static NEW: [OnceLock<NewFn>; 3] = [const { OnceLock::new() }; 3];
static INIT: [OnceLock<InitFn>; 3] = [const { OnceLock::new() }; 3];

fn checked_new<const I: usize>(
    cls: PyTypeRef,
    mut args: FuncArgs,
    vm: &VirtualMachine,
) -> PyResult {
    if I == 0 {
        read_size_once(&mut args, true, vm)?;
    }
    reserve(materialized_size(&args, vm), "the new object", vm)?;
    (NEW[I].get().expect("installed"))(cls, args, vm)
}

fn checked_init<const I: usize>(
    zelf: PyObjectRef,
    mut args: FuncArgs,
    vm: &VirtualMachine,
) -> PyResult<()> {
    if I == 0 {
        read_size_once(&mut args, false, vm)?;
    }
    reserve(materialized_size(&args, vm), "the new object", vm)?;
    if I == 0 {
        // `bytearray.__init__` swapped new contents into a bytearray a
        // memoryview still exported (`b.__init__()` under `m = memoryview(b)`),
        // and every read of the view went past the end (an interpreter
        // panic). The new contents are made first, into a fresh bytearray by
        // the original initializer (running every guest conversion, which
        // could export this bytearray meanwhile), then this one must be
        // resizable, as CPython requires, and takes them by a plain copy.
        let plain = args.args.first().is_none_or(|a| a.class().is(vm.ctx.types.bytes_type))
            && args.kwargs.is_empty();
        if !plain {
            let fresh: PyObjectRef =
                rustpython_vm::builtins::PyByteArray::from(Vec::new()).into_ref(&vm.ctx).into();
            (INIT[I].get().expect("installed"))(fresh.clone(), args, vm)?;
            args = FuncArgs::new(vec![fresh], rustpython_vm::function::KwArgs::default());
        }
        if let Some(array) = zelf.downcast_ref::<rustpython_vm::builtins::PyByteArray>() {
            use rustpython_vm::protocol::BufferResizeGuard;
            drop(array.try_resizable(vm)?);
        }
    }
    (INIT[I].get().expect("installed"))(zelf, args, vm)
}

/// `s.replace(old, new)`: each occurrence of `old` (every position, for an
/// empty `old`) grows the result by `len(new) - len(old)`. The check is linear
/// in `s` at worst: an upper bound first (at most `len(s) / len(old)`
/// occurrences), and an exact count (a linear-time search) only for a `str`
/// whose bound does not fit.
fn check_replace(zelf: &PyObject, args: &FuncArgs, vm: &VirtualMachine) -> PyResult<()> {
    let (Some(old), Some(new)) = (
        args.args.first().and_then(|a| text_bytes(a)),
        args.args.get(1).and_then(|a| text_bytes(a)),
    ) else {
        return Ok(());
    };
    if new.len() <= old.len() {
        return Ok(());
    }
    let len = match text_bytes(zelf) {
        Some(text) => text.len(),
        None => zelf.length(vm)?, // a bytearray
    };
    let growth = (new.len() - old.len()) as f64;
    let bound = if old.is_empty() {
        len + 1
    } else {
        len / old.len()
    };
    let size = |occurrences: usize| len as f64 + occurrences as f64 * growth;
    let exact = || {
        let count = match (
            zelf.downcast_ref::<PyStr>()
                .and_then(|s| s.as_wtf8().as_str().ok()),
            std::str::from_utf8(old),
        ) {
            (Some(text), Ok(old)) if !old.is_empty() => text.matches(old).count(),
            _ => bound,
        };
        size(count)
    };
    reserve_bounded(size(bound), exact, "replace()", vm)
}

fn install_constructors(vm: &VirtualMachine) -> PyResult<()> {
    let t = &vm.ctx.types;
    let news: [(&'static Py<PyType>, NewFn); 3] = [
        (t.bytes_type, checked_new::<0>),
        (t.tuple_type, checked_new::<1>),
        (t.frozenset_type, checked_new::<2>),
    ];
    for (i, (ty, checked)) in news.into_iter().enumerate() {
        wrap_slot!(ty.slots.new, NEW[i], checked);
    }
    let inits: [(&'static Py<PyType>, InitFn); 3] = [
        (t.bytearray_type, checked_init::<0>),
        (t.list_type, checked_init::<1>),
        (t.set_type, checked_init::<2>),
    ];
    for (i, (ty, checked)) in inits.into_iter().enumerate() {
        wrap_slot!(ty.slots.init, INIT[i], checked);
        // `x.__init__(...)` called as a method reaches the original function
        // through the type's slot wrapper, not the slot.
        replace_method(ty, "__init__", vm, move |zelf, args, _original, vm| {
            checked(zelf, args, vm).map(|()| vm.ctx.none())
        });
    }
    // Their fast calls (`list(x)` without `tp_new`/`tp_init`) are checked too.
    let fast: [(&'static Py<PyType>, VectorCall); 3] = [
        (t.list_type, checked_vectorcall::<0>),
        (t.set_type, checked_vectorcall::<1>),
        (t.frozenset_type, checked_vectorcall::<2>),
    ];
    for (i, (ty, checked)) in fast.into_iter().enumerate() {
        wrap_slot!(ty.slots.vectorcall, VECTORCALL[i], checked);
    }
    for ty in [t.str_type, t.bytes_type, t.bytearray_type] {
        guard_method(ty, "replace", check_replace, vm);
        install_join(ty, vm);
    }
    // `memoryview.cast`: RustPython divides by the item size and by each
    // dimension but the last; a format of item size 0 (`''`, `'0B'`) or a
    // zero dimension before the last panicked. Refused as CPython refuses
    // formats that are not one native character.
    guard_method(
        t.memoryview_type,
        "cast",
        |_, args, vm| {
            let format = args.args.first().or_else(|| args.kwargs.get("format"));
            if let Some(format) = format.and_then(|f| f.downcast_ref::<PyStr>()) {
                let f = format.as_wtf8().as_bytes();
                let code = f.strip_prefix(b"@").unwrap_or(f);
                if code.len() != 1 || !b"bBhHiIlLqQnNfdc?eP".contains(&code[0]) {
                    return Err(vm.new_value_error(
                        "memoryview: destination format must be a native single character format prefixed with an optional '@'",
                    ));
                }
            }
            let shape = args.args.get(1).or_else(|| args.kwargs.get("shape"));
            if let Some(shape) = shape {
                let dims: Vec<PyObjectRef> = vm.extract_elements_with(shape, Ok)?;
                let inner = dims.len().saturating_sub(1);
                if dims[..inner]
                    .iter()
                    .any(|d| int_of(d).is_some_and(|d| d.as_bigint().is_zero()))
                {
                    return Err(vm.new_value_error(
                        "memoryview.cast(): a zero dimension must be the last one in this sandbox",
                    ));
                }
            }
            Ok(())
        },
        vm,
    );
    // `memoryview.tolist()`: one list slot per item and, but for the cached
    // small ints and bools of `B` and `?`, one new object (a float: 56
    // bytes, an int: 80, measured), from as little as one byte of buffer:
    // `memoryview(bytes(24 << 20)).cast('b').tolist()` was some 2 GB built in one
    // native loop.
    guard_method(
        t.memoryview_type,
        "tolist",
        |zelf, _, vm| {
            let size = |name: &'static str| -> Option<f64> {
                let value = zelf.get_attr(name, vm).ok()?;
                int_of(&value)?.as_bigint().to_f64()
            };
            let (Some(nbytes), Some(itemsize)) = (size("nbytes"), size("itemsize")) else {
                return Ok(());
            };
            let cached = zelf
                .get_attr("format", vm)
                .ok()
                .and_then(|f| {
                    f.downcast_ref::<PyStr>()
                        .map(|f| f.as_wtf8().as_bytes().to_vec())
                })
                .is_some_and(|f| matches!(f.strip_prefix(b"@").unwrap_or(&f), b"B" | b"?"));
            let per_item = if cached { 8.0 } else { 8.0 + 80.0 };
            reserve(
                nbytes / itemsize.max(1.0) * per_item,
                "memoryview.tolist()",
                vm,
            )
        },
        vm,
    );
    // `(1).to_bytes(2**40)`: the length is the size of the result.
    guard_method(
        t.int_type,
        "to_bytes",
        |_, args, vm| match args.args.first().or_else(|| args.kwargs.get("length")) {
            Some(length) => match int_of(length).and_then(|l| l.as_bigint().to_f64()) {
                Some(length) => reserve(length, "int.to_bytes()", vm),
                None => Ok(()),
            },
            None => Ok(()),
        },
        vm,
    );
    // `dict.fromkeys(range(10**10))` grows one dict inside one native call.
    let key = vm.ctx.intern_str("fromkeys");
    let original = t.dict_type.attributes.read().get(key).cloned();
    if let Some(original) = original {
        let wrapped = vm.new_function(
            "fromkeys",
            move |mut args: FuncArgs, vm: &VirtualMachine| -> PyResult {
                if args.args.is_empty() {
                    return Err(vm.new_type_error("fromkeys() needs its class"));
                }
                let cls = args.args.remove(0);
                // An entry: hash, key, value and index.
                reserve(materialized_size(&args, vm) * 4.0, "dict.fromkeys()", vm)?;
                let bound = vm
                    .call_get_descriptor_specific(&original, None, Some(cls))
                    .unwrap_or_else(|| Err(vm.new_type_error("fromkeys is not a descriptor")))?;
                bound.call(args, vm)
            },
        );
        let method: PyObjectRef =
            rustpython_vm::builtins::PyClassMethod::from(PyObjectRef::from(wrapped))
                .into_ref(&vm.ctx)
                .into();
        t.dict_type.attributes.write().insert(key, method);
        t.dict_type.modified();
    }
    // `sorted(range(10**9))` sizes its list from the range at once.
    if let Some(original) = vm.builtins.dict().get_item_opt("sorted", vm)? {
        let wrapped = vm.new_function(
            "sorted",
            move |args: FuncArgs, vm: &VirtualMachine| -> PyResult {
                reserve(materialized_size(&args, vm), "sorted()", vm)?;
                original.call(args, vm)
            },
        );
        vm.builtins.set_attr("sorted", wrapped, vm)?;
    }
    Ok(())
}

/// `sep.join(items)` allocates the sum of its items' sizes at once: a list of
/// many references to one long `str` (`[x] * 10**4`) asks for far more than the
/// guest holds. The items are collected first (as `join` itself does, through
/// the metered iterators), their sizes summed, and the result checked against
/// what is left of the budget before the original `join` runs on the list.
fn install_join(ty: &'static Py<PyType>, vm: &VirtualMachine) {
    replace_method(ty, "join", vm, |zelf, mut args, original, vm| {
        if args.args.len() == 1 && args.kwargs.is_empty() {
            let items = Vec::<PyObjectRef>::try_from_object(vm, args.args[0].clone())?;
            if !zelf.fast_isinstance(vm.ctx.types.str_type) {
                // Bytes-like items are buffers before the separator's buffer
                // is taken (`buffers.rs`).
                super::buffers::check_join_items(&items, vm)?;
            }
            let sep = match text_bytes(&zelf) {
                Some(text) => text.len(),
                None => zelf.length(vm)?, // a bytearray
            };
            let mut total = sep as f64 * items.len().saturating_sub(1) as f64;
            for item in &items {
                total += match text_bytes(item) {
                    Some(text) => text.len() as f64,
                    // Other bytes-like items (a bytearray, a memoryview).
                    None => item.length(vm).map_or(0.0, |n| n as f64),
                };
            }
            reserve(total, "join()", vm)?;
            args.args[0] = vm.ctx.new_list(items).into();
        }
        args.prepend_arg(zelf);
        original.call(args, vm)
    });
}

/// Checks `getrandbits(k)` of the native generator class `_random.Random`
/// (which `random.Random` derives from, and `randbytes` calls) against
/// `max_int_bits` before it allocates `k` bits.
pub(crate) fn wrap_random(module: &PyObjectRef, vm: &VirtualMachine) -> PyResult<()> {
    let ty = module_type(module, "Random", vm)?;
    replace_method(ty, "getrandbits", vm, |zelf, mut args, original, vm| {
        if let Some(k) = args.args.first_mut() {
            if let Some(int) = index_once(k, vm)? {
                *k = int;
            }
        }
        if let Some(k) = args.args.first().and_then(|k| int_of(k)) {
            check_bits(
                k.as_bigint().to_f64().unwrap_or(f64::INFINITY),
                "getrandbits()",
                vm,
            )?;
        }
        args.prepend_arg(zelf);
        original.call(args, vm)
    });
    Ok(())
}

/// Work allowed to `math.comb(n, k)` per bit of `max_int_bits`: by default
/// (4 Mibit) 2^36, about a second here. RustPython computes it one factor at
/// a time, each a multiplication of the growing result: min(k, n - k) times
/// up to n bits (`comb(4 * 10**6, 2 * 10**6)`, under the size limit, took 44 s).
const COMB_WORK_PER_BIT: f64 = (1u64 << 14) as f64;

/// Checks `math.factorial`, `math.comb` and `math.perm` of the `math` module
/// about to be handed out, before the native function runs: the size of the
/// result, and for `comb` its work. Their arguments are read once, through
/// `__index__` ([`index_once`]), so an object standing for a huge number is
/// checked like the number (it was not checked at all), and `perm(n, None)`
/// is `perm(n)`.
/// `math.gcd` and `math.lcm`: about quadratic in RustPython (two 3 Mibit
/// numbers took 2.8 s in one native call). Their work, the product of the two
/// largest operands' bits, is refused over `max_int_bits` · 2^20 (the bound of
/// `pow(b, e, m)`) and charged one fuel unit per 2^25.
fn check_gcd(name: &str, args: &FuncArgs, vm: &VirtualMachine) -> PyResult<()> {
    let mut bits: Vec<f64> = args
        .args
        .iter()
        .filter_map(|a| int_of(a).map(|i| i.as_bigint().bits() as f64))
        .collect();
    bits.sort_by(|a, b| b.total_cmp(a));
    let work = match bits.as_slice() {
        [a, b, ..] => a * b * (bits.len() - 1) as f64,
        _ => return Ok(()),
    };
    let limit = INT_BITS.with(Cell::get) as f64 * MODULAR_WORK_PER_BIT;
    if work > limit {
        return Err(vm.new_overflow_error(format!(
            "math.{name}() of numbers of {:.0} and {:.0} bits is over this sandbox's limit \
             of work (max_int_bits * 2^20 = {limit:.0})",
            bits[0], bits[1]
        )));
    }
    super::meter::charge((work / (1u64 << 25) as f64) as u64, vm)
}

/// `_typing._idfunc`, the `__call__` of every `typing.NewType`, indexes its
/// first argument without checking there is one: `typing.NewType('N', int)()`
/// panicked (found by the hostile-argument sweep in `tests/all/hostile.rs`).
/// It takes exactly one argument, as CPython's does.
/// A PEP 695 `TypeVar` evaluates its bound and constraints lazily, holding
/// its lock while the guest's expression runs; an expression that read the
/// same field took the lock twice (an interpreter panic). Reading them is
/// exclusive per `TypeVar` (`exclusive.rs`). The type exists without any
/// import (`def f[T: g()]()` makes one), so this runs at set-up.
pub(crate) fn install_typevar(vm: &VirtualMachine) {
    use rustpython_vm::class::StaticType;
    if let Some(ty) = rustpython_vm::stdlib::_typing::TypeVar::static_cell().get() {
        super::exclusive::guard_getsets(ty, &["__bound__", "__constraints__"], vm);
    }
}

pub(crate) fn wrap_typing(module: &PyObjectRef, vm: &VirtualMachine) -> PyResult<()> {
    let original = module.get_attr("_idfunc", vm)?;
    let wrapped = vm.new_function("_idfunc", move |args: FuncArgs, vm: &VirtualMachine| {
        if args.args.len() != 1 || !args.kwargs.is_empty() {
            return Err(vm.new_type_error(format!(
                "NewType.__call__() takes exactly one argument ({} given)",
                args.args.len() + args.kwargs.len()
            )));
        }
        original.call(args, vm)
    });
    module.set_attr("_idfunc", wrapped, vm)
}

pub(crate) fn wrap_math(module: &PyObjectRef, vm: &VirtualMachine) -> PyResult<()> {
    for name in ["gcd", "lcm"] {
        let original = module.get_attr(name, vm)?;
        let wrapped = vm.new_function(
            name,
            move |mut args: FuncArgs, vm: &VirtualMachine| -> PyResult {
                for arg in args.args.iter_mut() {
                    if let Some(int) = index_once(arg, vm)? {
                        *arg = int;
                    }
                }
                check_gcd(name, &args, vm)?;
                original.call(args, vm)
            },
        );
        module.set_attr(name, wrapped, vm)?;
    }
    for name in ["factorial", "comb", "perm"] {
        let original = module.get_attr(name, vm)?;
        let wrapped = vm.new_function(
            name,
            move |mut args: FuncArgs, vm: &VirtualMachine| -> PyResult {
                for arg in args.args.iter_mut() {
                    if let Some(int) = index_once(arg, vm)? {
                        *arg = int;
                    }
                }
                let ints: Vec<Option<f64>> = args
                    .args
                    .iter()
                    .map(|a| int_of(a).map(|i| i.as_bigint().to_f64().unwrap_or(f64::INFINITY)))
                    .collect();
                let bits = match (name, ints.as_slice()) {
                    ("factorial", [Some(n)]) if *n > 2.0 => Some(n * n.log2()),
                    ("comb", [Some(n), Some(k)]) => {
                        let factors = k.min(n - k).max(0.0);
                        let limit = INT_BITS.with(Cell::get) as f64 * COMB_WORK_PER_BIT;
                        if factors * n > limit {
                            return Err(vm.new_overflow_error(format!(
                                "math.comb() of {n:.0} and {k:.0} is over this sandbox's limit \
                                 of work (max_int_bits * 2^14 = {limit:.0})"
                            )));
                        }
                        Some(*n)
                    }
                    ("perm", [Some(n), Some(k)]) if *n > 2.0 => Some(k.max(0.0) * n.log2()),
                    // `perm(n)`, `perm(n, None)` (and a `k` that is no integer,
                    // which the function refuses).
                    ("perm", [Some(n)] | [Some(n), None]) if *n > 2.0 => Some(n * n.log2()),
                    _ => None,
                };
                if let Some(bits) = bits {
                    check_bits(bits, &format!("math.{name}()"), vm)?;
                }
                original.call(args, vm)
            },
        );
        module.set_attr(name, wrapped, vm)?;
    }
    // `math.dist(p, q)` converts the coordinates (a guest `__float__`) while it
    // holds the read lock of a list argument; one that changed the list took
    // the lock twice (an interpreter panic). A list is passed as a tuple of
    // its items, taken under a short lock.
    let original = module.get_attr("dist", vm)?;
    let wrapped = vm.new_function("dist", move |mut args: FuncArgs, vm: &VirtualMachine| -> PyResult {
        for arg in args.args.iter_mut() {
            if let Some(items) = arg.downcast_ref::<PyList>().map(|l| l.borrow_vec().to_vec()) {
                *arg = vm.ctx.new_tuple(items).into();
            }
        }
        original.call(args, vm)
    });
    module.set_attr("dist", wrapped, vm)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every native exception type of a sandbox that defines its own
    /// `__str__` is one whose `__str__` checks the digit limit.
    #[test]
    fn every_exception_str_of_its_own_is_checked() {
        let (_runtime, sb) = crate::test_util::sandbox_with_every_module("");
        sb.run_native(Box::new(|vm, _globals| {
            let checked: Vec<usize> = exceptions_with_own_str(vm)
                .iter()
                .map(|t| t.as_object().get_id())
                .collect();
            let mut stack = vec![vm.ctx.exceptions.base_exception_type.to_owned()];
            let mut seen = std::collections::HashSet::new();
            let mut native = 0;
            while let Some(ty) = stack.pop() {
                if !seen.insert(ty.get_id()) {
                    continue;
                }
                stack.extend(
                    ty.subclasses
                        .read()
                        .iter()
                        .filter_map(|w| w.upgrade().and_then(|t| t.downcast::<PyType>().ok())),
                );
                if ty.slots.flags.has_feature(rustpython_vm::types::PyTypeFlags::HEAPTYPE) {
                    continue;
                }
                native += 1;
                let own = ty.attributes.read().contains_key(vm.ctx.intern_str("__str__"));
                assert!(
                    !own || checked.contains(&ty.get_id()),
                    "{} defines its own __str__, unchecked",
                    ty.name()
                );
            }
            assert!(native > 50, "only {native} native exception types seen");
            Ok(())
        }))
        .unwrap();
    }
}
