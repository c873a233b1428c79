//! Numbers as CPython computes and reads them. Float floor division, `%` and `divmod`
//! from the exact remainder (`1 // 0.1` is `9.0`; RustPython floored the
//! rounded quotient, `10.0`; `divmod(-0.0, 1.0)` had the wrong zeros), and `round(x, n)` from the exact decimal value of `x` (`round(2.675,
//! 2)` is `2.67`, since 2.675 is stored as 2.67499999...; RustPython scaled by
//! `10**n` first and rounded the rounding error); float `**` and `/` with
//! CPython's errors; `int()`/`float()` of Unicode digits ([`ascii_numeral`]).

use crate::guest::patch::{replace_method, wrap_slot};
use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};
use rustpython_vm::builtins::{try_bigint_to_f64, PyFloat, PyInt};
use rustpython_vm::protocol::{PyNumberBinaryFunc, PyNumberTernaryFunc};
use rustpython_vm::{AsObject, PyObject, PyObjectRef, PyResult, VirtualMachine};
use std::sync::OnceLock;

/// An operand of float arithmetic: a float, or an int converted to one
/// (`OverflowError` if too large, as CPython); `None` for anything else.
fn operand(obj: &PyObject, vm: &VirtualMachine) -> PyResult<Option<f64>> {
    if let Some(f) = obj.downcast_ref::<PyFloat>() {
        return Ok(Some(f.to_f64()));
    }
    if let Some(i) = obj.downcast_ref::<PyInt>() {
        return try_bigint_to_f64(i.as_bigint(), vm).map(Some);
    }
    Ok(None)
}

/// CPython's `_float_div_mod`: the remainder from the exact `fmod`, the
/// quotient from it. `(floor quotient, remainder)`; `b` is not zero.
fn div_mod(a: f64, b: f64) -> (f64, f64) {
    let mut rem = a % b;
    let mut div = (a - rem) / b;
    if rem != 0.0 {
        if (b < 0.0) != (rem < 0.0) {
            rem += b;
            div -= 1.0;
        }
    } else {
        rem = 0.0_f64.copysign(b);
    }
    let floor = if div != 0.0 {
        let floor = div.floor();
        if div - floor > 0.5 {
            floor + 1.0
        } else {
            floor
        }
    } else {
        0.0_f64.copysign(a / b)
    };
    (floor, rem)
}

/// The three operations of `div_mod`, in slot order.
#[derive(Clone, Copy)]
enum Op {
    FloorDivide,
    Remainder,
    DivMod,
}

fn apply(op: Op, a: f64, b: f64, vm: &VirtualMachine) -> PyResult {
    if b == 0.0 {
        return Err(vm.new_zero_division_error(match op {
            Op::FloorDivide => "float floor division by zero",
            Op::Remainder => "float modulo",
            Op::DivMod => "float divmod()",
        }));
    }
    let (div, rem) = div_mod(a, b);
    Ok(match op {
        Op::FloorDivide => vm.ctx.new_float(div).into(),
        Op::Remainder => vm.ctx.new_float(rem).into(),
        Op::DivMod => vm
            .ctx
            .new_tuple(vec![vm.ctx.new_float(div).into(), vm.ctx.new_float(rem).into()])
            .into(),
    })
}

const OPS: [Op; 3] = [Op::FloorDivide, Op::Remainder, Op::DivMod];

/// The interpreter's slot functions, left and right, per operation.
static ORIGINAL: [OnceLock<PyNumberBinaryFunc>; 6] = [const { OnceLock::new() }; 6];

/// The slot of `OPS[I / 2]` (left when `I` is even): ours when both operands
/// are floats or ints, the interpreter's otherwise (`NotImplemented`).
fn slot<const I: usize>(a: &PyObject, b: &PyObject, vm: &VirtualMachine) -> PyResult {
    match (operand(a, vm)?, operand(b, vm)?) {
        (Some(x), Some(y)) => apply(OPS[I / 2], x, y, vm),
        _ => (ORIGINAL[I].get().expect("installed"))(a, b, vm),
    }
}

/// The interpreter's `**` of `float`, left and right, and its `/`.
static POWER: [OnceLock<PyNumberTernaryFunc>; 2] = [const { OnceLock::new() }; 2];
static TRUE_DIVIDE: [OnceLock<PyNumberBinaryFunc>; 2] = [const { OnceLock::new() }; 2];

/// `x ** y` of floats (or a float and an int) as CPython's `float_pow`
/// reports its errors: zero to a negative power, and a finite result too
/// large for a float (RustPython gave `inf` for `2.0 ** 10000`).
fn power_slot<const I: usize>(a: &PyObject, b: &PyObject, c: &PyObject, vm: &VirtualMachine) -> PyResult {
    let original = POWER[I].get().expect("installed");
    if !vm.is_none(c) {
        return original(a, b, c, vm);
    }
    let (Some(x), Some(y)) = (operand(a, vm)?, operand(b, vm)?) else {
        return original(a, b, c, vm);
    };
    if x == 0.0 && y < 0.0 && y.is_finite() {
        return Err(vm.new_zero_division_error("0.0 cannot be raised to a negative power"));
    }
    if x < 0.0 && x.is_finite() && y.is_finite() && y.fract() != 0.0 {
        // A complex result, by CPython's `_Py_c_pow` (RustPython's differed
        // in the last digits): |x|**y at the angle pi*y.
        let length = (-x).powf(y);
        let phase = std::f64::consts::PI * y;
        return Ok(vm.ctx.new_complex(num_complex::Complex64::new(
            length * phase.cos(),
            length * phase.sin(),
        )).into());
    }
    let result = original(a, b, c, vm)?;
    let overflowed = result
        .downcast_ref::<PyFloat>()
        .is_some_and(|r| r.to_f64().is_infinite() && x.is_finite() && y.is_finite());
    if overflowed {
        return Err(vm.new_exception(
            vm.ctx.exceptions.overflow_error.to_owned(),
            vec![
                vm.ctx.new_int(34).into(),
                vm.ctx.new_str("Numerical result out of range").into(),
            ],
        ));
    }
    Ok(result)
}

/// The interpreter's `**` of `int` (and `bool`), left and right.
static INT_POWER: [OnceLock<PyNumberTernaryFunc>; 2] = [const { OnceLock::new() }; 2];

/// `0 ** -n` of ints: CPython's words (it is computed in floats).
fn int_power_slot<const I: usize>(a: &PyObject, b: &PyObject, c: &PyObject, vm: &VirtualMachine) -> PyResult {
    if let (Some(x), Some(y)) = (a.downcast_ref::<PyInt>(), b.downcast_ref::<PyInt>()) {
        if vm.is_none(c) && x.as_bigint().is_zero() && y.as_bigint().is_negative() {
            return Err(vm.new_zero_division_error("0.0 cannot be raised to a negative power"));
        }
    }
    (INT_POWER[I].get().expect("installed"))(a, b, c, vm)
}

/// `/` with a float operand, computed here (IEEE division, as CPython's),
/// with CPython's words for a zero divisor.
fn true_divide_slot<const I: usize>(a: &PyObject, b: &PyObject, vm: &VirtualMachine) -> PyResult {
    match (operand(a, vm)?, operand(b, vm)?) {
        (Some(_), Some(y)) if y == 0.0 => Err(vm.new_zero_division_error("float division by zero")),
        (Some(x), Some(y)) => Ok(vm.ctx.new_float(x / y).into()),
        _ => (TRUE_DIVIDE[I].get().expect("installed"))(a, b, vm),
    }
}

/// A complex operand: a complex, or a float or an int as `(x, 0.0)`, as
/// CPython converts them.
fn complex_operand(obj: &PyObject, vm: &VirtualMachine) -> PyResult<Option<(f64, f64)>> {
    if let Some(c) = obj.downcast_ref::<rustpython_vm::builtins::PyComplex>() {
        let v = c.to_complex64();
        return Ok(Some((v.re, v.im)));
    }
    Ok(operand(obj, vm)?.map(|x| (x, 0.0)))
}

/// The interpreter's `+`, `-` and `/` of `complex`, left and right.
static COMPLEX: [OnceLock<PyNumberBinaryFunc>; 6] = [const { OnceLock::new() }; 6];

/// `complex` `+`, `-` and `/` (`I / 2`) as CPython: an int or float operand
/// is `(x, 0.0)` (`3 - (1+0j)` is `(2+0j)`; RustPython gave `(2-0j)`), and
/// division is CPython's `_Py_c_quot` (RustPython's lost the last digits:
/// `(1+2j) / (1+1j)` is `(1.5+0.5j)` in both, `(3+4j) / (2-1j)` was not).
fn complex_slot<const I: usize>(a: &PyObject, b: &PyObject, vm: &VirtualMachine) -> PyResult {
    let (Some((ar, ai)), Some((br, bi))) = (complex_operand(a, vm)?, complex_operand(b, vm)?) else {
        return (COMPLEX[I].get().expect("installed"))(a, b, vm);
    };
    let (re, im) = match I / 2 {
        0 => (ar + br, ai + bi),
        1 => (ar - br, ai - bi),
        _ => {
            let (abs_r, abs_i) = (br.abs(), bi.abs());
            if abs_r >= abs_i {
                if abs_r == 0.0 {
                    return Err(vm.new_zero_division_error("complex division by zero"));
                }
                let ratio = bi / br;
                let denom = br + bi * ratio;
                ((ar + ai * ratio) / denom, (ai - ar * ratio) / denom)
            } else if abs_i >= abs_r {
                let ratio = br / bi;
                let denom = br * ratio + bi;
                ((ar * ratio + ai) / denom, (ai * ratio - ar) / denom)
            } else {
                (f64::NAN, f64::NAN)
            }
        }
    };
    Ok(vm.ctx.new_complex(num_complex::Complex64::new(re, im)).into())
}

/// A float as a part of a complex's repr: its shortest repr, without a
/// trailing `.0` (`(1+2j)`, `(1e+308+1e+308j)`; RustPython wrote a large part
/// out in full digits).
fn complex_part(x: f64) -> String {
    if x.is_nan() {
        return "nan".to_owned();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.to_owned();
    }
    let text = rustpython_vm::literal::float::to_string(x);
    text.strip_suffix(".0").map(str::to_owned).unwrap_or(text)
}

/// `repr(complex)` as CPython writes it.
fn complex_repr(re: f64, im: f64) -> String {
    let imag = complex_part(im);
    if re == 0.0 && re.is_sign_positive() {
        return format!("{imag}j");
    }
    let sign = if im.is_sign_negative() && !im.is_nan() { "" } else { "+" };
    format!("({}{sign}{imag}j)", complex_part(re))
}

type ReprFn = fn(&PyObject, &VirtualMachine) -> PyResult<rustpython_vm::builtins::PyStrRef>;
static COMPLEX_REPR: OnceLock<ReprFn> = OnceLock::new();

fn complex_repr_slot(zelf: &PyObject, vm: &VirtualMachine) -> PyResult<rustpython_vm::builtins::PyStrRef> {
    match zelf.downcast_ref::<rustpython_vm::builtins::PyComplex>() {
        Some(c) => {
            let v = c.to_complex64();
            Ok(vm.ctx.new_str(complex_repr(v.re, v.im)))
        }
        None => (COMPLEX_REPR.get().expect("installed"))(zelf, vm),
    }
}

fn install_complex(vm: &VirtualMachine) {
    let complex = vm.ctx.types.complex_type;
    wrap_slot!(complex.slots.repr, COMPLEX_REPR, complex_repr_slot as ReprFn);
    replace_method(complex, "__repr__", vm, |zelf, _args, _, vm| {
        Ok(complex_repr_slot(&zelf, vm)?.into())
    });
    let n = &complex.slots.as_number;
    wrap_slot!(n.add, COMPLEX[0], complex_slot::<0> as PyNumberBinaryFunc);
    wrap_slot!(n.right_add, COMPLEX[1], complex_slot::<1> as PyNumberBinaryFunc);
    wrap_slot!(n.subtract, COMPLEX[2], complex_slot::<2> as PyNumberBinaryFunc);
    wrap_slot!(n.right_subtract, COMPLEX[3], complex_slot::<3> as PyNumberBinaryFunc);
    wrap_slot!(n.true_divide, COMPLEX[4], complex_slot::<4> as PyNumberBinaryFunc);
    wrap_slot!(n.right_true_divide, COMPLEX[5], complex_slot::<5> as PyNumberBinaryFunc);
    let methods: [(&'static str, PyNumberBinaryFunc, bool); 6] = [
        ("__add__", complex_slot::<0>, false),
        ("__radd__", complex_slot::<1>, true),
        ("__sub__", complex_slot::<2>, false),
        ("__rsub__", complex_slot::<3>, true),
        ("__truediv__", complex_slot::<4>, false),
        ("__rtruediv__", complex_slot::<5>, true),
    ];
    binary_methods(complex, &methods, vm);
}

/// The largest and smallest `ndigits` CPython rounds at; past them a float
/// is returned unchanged, or as a zero of its sign.
const NDIGITS_MAX: i64 = 323;
const NDIGITS_MIN: i64 = -308;

/// `round(x, ndigits)` as CPython's `double_round`: the exact value of `x`
/// rounded half to even at `ndigits` decimal places, then read back as the
/// nearest float.
fn round_float(x: f64, ndigits: i64, vm: &VirtualMachine) -> PyResult<f64> {
    if !x.is_finite() || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    if x == 0.0 {
        return Ok(x);
    }
    // |x| = mantissa * 2**exponent exactly.
    let bits = x.abs().to_bits();
    let raw_exponent = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1 << 52) - 1);
    let (mantissa, exponent) = if raw_exponent == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), raw_exponent - 1075)
    };
    let ten = BigInt::from(10u8);
    let mut numerator = BigInt::from(mantissa);
    let mut denominator = BigInt::one();
    if exponent >= 0 {
        numerator <<= exponent as usize;
    } else {
        denominator <<= (-exponent) as usize;
    }
    // |x| * 10**ndigits, as a fraction.
    let scale = num_traits::pow(ten, ndigits.unsigned_abs() as usize);
    if ndigits >= 0 {
        numerator *= scale;
    } else {
        denominator *= scale;
    }
    let quotient = &numerator / &denominator;
    let twice = (numerator - &quotient * &denominator) << 1u8;
    let rounded = match twice.cmp(&denominator) {
        std::cmp::Ordering::Greater => quotient + 1u8,
        std::cmp::Ordering::Equal if quotient.bit(0) => quotient + 1u8,
        _ => quotient,
    };
    let text = format!("{rounded}e{}", -ndigits);
    let magnitude: f64 = text.parse().unwrap_or(f64::INFINITY);
    if magnitude.is_infinite() {
        return Err(vm.new_overflow_error("rounded value too large to represent"));
    }
    Ok(magnitude.copysign(x))
}

/// `float.__round__(ndigits)`: ours for an `ndigits`, the interpreter's for
/// rounding to an int (which it does as CPython).
fn float_round(zelf: PyObjectRef, args: rustpython_vm::function::FuncArgs, original: &PyObjectRef, vm: &VirtualMachine) -> PyResult {
    let ndigits = match (args.args.as_slice(), args.kwargs.is_empty()) {
        ([n], true) if !vm.is_none(n) => n.clone(),
        _ => {
            let mut args = args;
            args.prepend_arg(zelf);
            return original.call(args, vm);
        }
    };
    let n = ndigits.try_index(vm)?;
    let n = match n.as_bigint().to_i64() {
        Some(n) => n.clamp(NDIGITS_MIN - 1, NDIGITS_MAX + 1),
        None if n.as_bigint().is_negative() => NDIGITS_MIN - 1,
        None => NDIGITS_MAX + 1,
    };
    let x = zelf
        .downcast_ref::<PyFloat>()
        .map(|f| f.to_f64())
        .ok_or_else(|| vm.new_type_error("float.__round__ needs a float"))?;
    Ok(vm.ctx.new_float(round_float(x, n, vm)?).into())
}

pub(super) fn install(vm: &VirtualMachine) {
    let float = vm.ctx.types.float_type;
    let n = &float.slots.as_number;
    wrap_slot!(n.floor_divide, ORIGINAL[0], slot::<0> as PyNumberBinaryFunc);
    wrap_slot!(n.right_floor_divide, ORIGINAL[1], slot::<1> as PyNumberBinaryFunc);
    wrap_slot!(n.remainder, ORIGINAL[2], slot::<2> as PyNumberBinaryFunc);
    wrap_slot!(n.right_remainder, ORIGINAL[3], slot::<3> as PyNumberBinaryFunc);
    wrap_slot!(n.divmod, ORIGINAL[4], slot::<4> as PyNumberBinaryFunc);
    wrap_slot!(n.right_divmod, ORIGINAL[5], slot::<5> as PyNumberBinaryFunc);
    wrap_slot!(n.power, POWER[0], power_slot::<0> as PyNumberTernaryFunc);
    wrap_slot!(n.right_power, POWER[1], power_slot::<1> as PyNumberTernaryFunc);
    wrap_slot!(n.true_divide, TRUE_DIVIDE[0], true_divide_slot::<0> as PyNumberBinaryFunc);
    wrap_slot!(n.right_true_divide, TRUE_DIVIDE[1], true_divide_slot::<1> as PyNumberBinaryFunc);
    power_methods(float, power_slot::<0>, power_slot::<1>, vm);
    let int = vm.ctx.types.int_type;
    wrap_slot!(int.slots.as_number.power, INT_POWER[0], int_power_slot::<0> as PyNumberTernaryFunc);
    wrap_slot!(int.slots.as_number.right_power, INT_POWER[1], int_power_slot::<1> as PyNumberTernaryFunc);
    power_methods(int, int_power_slot::<0>, int_power_slot::<1>, vm);
    // The slot wrappers were made from the old slots: the methods call ours.
    let methods: [(&'static str, PyNumberBinaryFunc, bool); 8] = [
        ("__truediv__", true_divide_slot::<0>, false),
        ("__rtruediv__", true_divide_slot::<1>, true),
        ("__floordiv__", slot::<0>, false),
        ("__rfloordiv__", slot::<1>, true),
        ("__mod__", slot::<2>, false),
        ("__rmod__", slot::<3>, true),
        ("__divmod__", slot::<4>, false),
        ("__rdivmod__", slot::<5>, true),
    ];
    binary_methods(float, &methods, vm);
    replace_method(float, "__round__", vm, float_round);
    install_complex(vm);
    // `round(True)` and `round(subclass_of_int(3))` are plain ints, as
    // CPython's `int.__round__` gives (RustPython returned the receiver).
    replace_method(vm.ctx.types.int_type, "__round__", vm, |zelf, mut args, original, vm| {
        args.prepend_arg(zelf);
        let rounded = original.call(args, vm)?;
        match rounded.downcast_ref::<PyInt>() {
            Some(i) if !rounded.class().is(vm.ctx.types.int_type) => Ok(vm.ctx.new_int(i.as_bigint().clone()).into()),
            _ => Ok(rounded),
        }
    });
    // `format(True, '>6')`: with a spec a bool formats as its int, as
    // CPython's (inherited) `int.__format__`; without one it is `True`.
    replace_method(vm.ctx.types.bool_type, "__format__", vm, |zelf, mut args, original, vm| {
        let spec_given = args
            .args
            .first()
            .and_then(|s| s.downcast_ref::<rustpython_vm::builtins::PyStr>())
            .is_some_and(|s| !s.as_wtf8().is_empty());
        if spec_given {
            if let (Some(b), Some(spec)) = (zelf.downcast_ref::<PyInt>(), args.args.first()) {
                let int: PyObjectRef = vm.ctx.new_int(b.as_bigint().clone()).into();
                let spec = spec.clone().downcast::<rustpython_vm::builtins::PyStr>().map_err(|_| vm.new_type_error("format spec must be a str"))?;
                return Ok(vm.format(&int, spec)?.into());
            }
        }
        args.prepend_arg(zelf);
        original.call(args, vm)
    });
}

/// Points binary methods of `ty` (name, slot function, whether reflected) at
/// slot functions: a type's methods were made from its slots when it was
/// built, so a replaced slot needs its methods replaced too.
pub(super) fn binary_methods(
    ty: &'static rustpython_vm::Py<rustpython_vm::builtins::PyType>,
    methods: &[(&'static str, PyNumberBinaryFunc, bool)],
    vm: &VirtualMachine,
) {
    for &(name, f, reflected) in methods {
        replace_method(ty, name, vm, move |zelf, args, _, vm| {
            if !args.kwargs.is_empty() {
                return Err(vm.new_type_error(format!("wrapper {name}() takes no keyword arguments")));
            }
            let [other] = <[PyObjectRef; 1]>::try_from(args.args).map_err(|got| {
                vm.new_type_error(format!("expected 1 argument, got {}", got.len()))
            })?;
            if reflected {
                f(&other, &zelf, vm)
            } else {
                f(&zelf, &other, vm)
            }
        });
    }
}

/// Points `__pow__` and `__rpow__` of `ty` at power slot functions.
fn power_methods(
    ty: &'static rustpython_vm::Py<rustpython_vm::builtins::PyType>,
    left: PyNumberTernaryFunc,
    right: PyNumberTernaryFunc,
    vm: &VirtualMachine,
) {
    for (name, reflected) in [("__pow__", false), ("__rpow__", true)] {
        replace_method(ty, name, vm, move |zelf, args, _, vm| {
            if !args.kwargs.is_empty() {
                return Err(vm.new_type_error(format!("wrapper {name}() takes no keyword arguments")));
            }
            if args.args.len() > 2 {
                return Err(vm.new_type_error(format!(
                    "expected at most 2 arguments, got {}",
                    args.args.len()
                )));
            }
            let mut it = args.args.into_iter();
            let other = it
                .next()
                .ok_or_else(|| vm.new_type_error("expected at least 1 argument, got 0"))?;
            let modulo = it.next().unwrap_or_else(|| vm.ctx.none());
            if reflected {
                right(&other, &zelf, &modulo, vm)
            } else {
                left(&zelf, &other, &modulo, vm)
            }
        });
    }
}

/// The zero of every run of ten Unicode decimal digits (category `Nd`; each
/// run holds the digits 0 to 9 in order), from CPython 3.11's `unicodedata`.
const DIGIT_ZEROS: &[u32] = &[
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
    0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
    0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0,
    0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0,
    0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// `int(text)` and `float(text)` read any Unicode decimal digit and strip any
/// Unicode whitespace, as CPython does (`int('\u0663')` is 3; RustPython read
/// only ASCII): the text a non-ASCII `str` argument stands for, in ASCII
/// digits and spaces, for the interpreter's parser. `None` if there is
/// nothing to translate (only an exact `str`: a subclass may convert itself).
pub(crate) fn ascii_numeral(arg: &PyObject, vm: &VirtualMachine) -> Option<PyObjectRef> {
    let text = arg.downcast_ref_if_exact::<rustpython_vm::builtins::PyStr>(vm)?;
    let wtf8 = text.as_wtf8();
    if wtf8.is_ascii() {
        return None;
    }
    let mut out = rustpython_vm::common::wtf8::Wtf8Buf::with_capacity(wtf8.len());
    for cp in wtf8.code_points() {
        let n = cp.to_u32();
        let digit = DIGIT_ZEROS
            .iter()
            .rfind(|&&zero| zero <= n)
            .filter(|&&zero| n < zero + 10)
            .map(|&zero| n - zero);
        match (digit, cp.to_char()) {
            (Some(d), _) => out.push_char(char::from(b'0' + d as u8)),
            (None, Some(c)) if c.is_whitespace() => out.push_char(' '),
            _ => out.push(cp),
        }
    }
    Some(vm.ctx.new_str(out).into())
}
