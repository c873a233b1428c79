//! The `int` and `bool` number slots (`**`, `pow()`, `<<`, `*`, `//`, `%`,
//! `divmod`, their reflected and in-place forms, and the methods made from
//! them) and the `math` functions whose result size or work an argument
//! chooses, checked against `max_int_bits` before they run (SPEC §5.8).

use std::cell::Cell;
use std::sync::OnceLock;
use num_traits::{Signed, ToPrimitive};
use rustpython_vm::builtins::{PyInt, PyList};
use rustpython_vm::function::{FuncArgs, OptionalArg};
use rustpython_vm::protocol::{PyNumberBinaryFunc, PyNumberTernaryFunc};
use rustpython_vm::{AsObject, PyObject, PyObjectRef, PyResult, VirtualMachine};
use crate::guest::patch::{typed_method, wrap_slot};
use super::{check_bits, index_once, int_of, INT_BITS};

/// The `int` and `bool` number slots, and the methods made from them.
pub(super) fn install(vm: &VirtualMachine) {
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
            crate::guest::meter::charge(bits / 64, vm)?;
        }
    }
    (DIVISION[I].get().expect("installed"))(a, b, vm)
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
    crate::guest::meter::charge((work / (1u64 << 25) as f64) as u64, vm)
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

/// Work allowed to `math.comb(n, k)` per bit of `max_int_bits`: by default
/// (4 Mibit) 2^36, about a second here. RustPython computes it one factor at
/// a time, each a multiplication of the growing result: min(k, n - k) times
/// up to n bits (`comb(4 * 10**6, 2 * 10**6)`, under the size limit, took 44 s).
const COMB_WORK_PER_BIT: f64 = (1u64 << 14) as f64;

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
    crate::guest::meter::charge((work / (1u64 << 25) as f64) as u64, vm)
}

/// Checks `math.factorial`, `math.comb` and `math.perm` of the `math` module
/// about to be handed out, before the native function runs: the size of the
/// result, and for `comb` its work. Their arguments are read once, through
/// `__index__` ([`index_once`]), so an object standing for a huge number is
/// checked like the number (it was not checked at all), and `perm(n, None)`
/// is `perm(n)`.
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
