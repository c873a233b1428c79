//! CPython's limit on decimal conversions of `int` (SPEC §5.8): 4300 digits,
//! both ways. A leaf, shared by the native bounds and the text patches.

use num_traits::Signed;
use rustpython_vm::builtins::PyInt;
use rustpython_vm::{PyObject, PyResult, VirtualMachine};
use std::sync::OnceLock;

/// CPython's limit on the digits of a decimal conversion of an `int`
/// (`sys.int_info.default_max_str_digits`): converting a number of n digits
/// to or from decimal text takes time quadratic in n in RustPython, and
/// `str()` of a `max_int_bits` number took seconds in one native call.
pub(crate) const MAX_STR_DIGITS: usize = 4300;

/// 10^4300: an `int` at least this large in magnitude has more than
/// [`MAX_STR_DIGITS`] decimal digits.
fn ten_to_the_limit() -> &'static malachite_bigint::BigInt {
    static LIMIT: OnceLock<malachite_bigint::BigInt> = OnceLock::new();
    LIMIT.get_or_init(|| num_traits::pow(malachite_bigint::BigInt::from(10), MAX_STR_DIGITS))
}

/// Whether `obj` is an `int` of more than [`MAX_STR_DIGITS`] decimal digits.
pub(crate) fn too_many_digits(obj: &PyObject) -> bool {
    obj.downcast_ref::<PyInt>().is_some_and(|i| {
        let v = i.as_bigint();
        // 2^14280 < 10^4300 < 2^14285: only numbers near the limit are compared.
        v.bits() > 14_280 && v.abs() >= *ten_to_the_limit()
    })
}

/// Refuses the decimal text of an `int` of more than [`MAX_STR_DIGITS`]
/// digits with CPython's `ValueError`.
pub(crate) fn check_decimal_digits(obj: &PyObject, vm: &VirtualMachine) -> PyResult<()> {
    if too_many_digits(obj) {
        return Err(limit_error(vm));
    }
    Ok(())
}

/// CPython's `ValueError` for a decimal conversion over the limit.
pub(crate) fn limit_error(vm: &VirtualMachine) -> rustpython_vm::builtins::PyBaseExceptionRef {
    vm.new_value_error(format!(
        "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion; \
         use sys.set_int_max_str_digits() to increase the limit"
    ))
}

