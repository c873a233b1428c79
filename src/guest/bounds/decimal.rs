//! The digit limit (SPEC §5.8): an exact `int` is written in decimal and read
//! from decimal text of at most `digits::MAX_STR_DIGITS` digits (CPython's
//! default), by every route RustPython takes (the repr slot, `str()`,
//! `format()`, exception messages, search messages); and an `int` made from
//! text or bytes counts against `max_int_bits`.

use std::sync::OnceLock;
use num_traits::{Signed, ToPrimitive, Zero};
use rustpython_vm::builtins::{PyList, PyStr, PyTuple, PyType, PyTypeRef};
use rustpython_vm::function::FuncArgs;
use rustpython_vm::{AsObject, Py, PyObject, PyObjectRef, PyPayload, PyResult, VirtualMachine};
use crate::guest::digits::check_decimal_digits;
use crate::guest::patch::{replace_method, wrap_slot};
use super::{check_bits, int_of, NewFn, VectorCall};

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
    crate::guest::patch::replace_builtin(vm, "format", |format| {
        vm.new_function(
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
        )
        .into()
    })
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
            crate::guest::meter::charge_native(vm)?;
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
        if args.args.first().is_some_and(|x| crate::guest::digits::too_many_digits(x)) && args.kwargs.is_empty() {
            let len = zelf.downcast_ref::<PyList>().map_or(0, |l| l.borrow_vec().len());
            let start = match args.args.get(1) {
                Some(a) => bound(Some(a), len, vm)?,
                None => 0,
            };
            let stop = bound(args.args.get(2), len, vm)?;
            return match position(&zelf, &args.args[0], start, stop, vm)? {
                Some(i) => Ok(vm.ctx.new_int(i).into()),
                None => Err(crate::guest::digits::limit_error(vm)),
            };
        }
        args.prepend_arg(zelf);
        original.call(args, vm)
    });
    replace_method(list, "remove", vm, |zelf, mut args, original, vm| {
        if args.args.len() == 1 && args.kwargs.is_empty() && crate::guest::digits::too_many_digits(&args.args[0]) {
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
        if args.args.len() == 1 && args.kwargs.is_empty() && crate::guest::digits::too_many_digits(&args.args[0]) {
            let contains = vm.call_method(&zelf, "__contains__", (args.args[0].clone(),))?;
            if !contains.try_to_bool(vm)? {
                return Err(crate::guest::digits::limit_error(vm));
            }
        }
        args.prepend_arg(zelf);
        original.call(args, vm)
    });
}

/// Installs the digit limit on every route that writes or reads an `int` in
/// decimal, and the size check of `int` made from text or bytes.
pub(super) fn install(vm: &VirtualMachine) -> PyResult<()> {
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
