//! Sequence work sized by an argument, checked against the memory left before
//! it allocates (SPEC §5.6, §5.8): repetition (`*`, `*=`), the padding
//! methods, `join`, list assignment from an iterable, `bytearray.resize`, and
//! `round(x, -n)` of an `int`.

use std::sync::OnceLock;
use num_traits::{Signed, ToPrimitive};
use rustpython_vm::builtins::{PyByteArray, PyBytes, PySlice, PyStr, PyType};
use rustpython_vm::function::FuncArgs;
use rustpython_vm::protocol::{PyMapping, PySequence};
use rustpython_vm::{AsObject, Py, PyObject, PyObjectRef, PyResult, TryFromObject, VirtualMachine};
use crate::guest::meter::reserve;
use crate::guest::patch::{guard_method, replace_method, typed_method, wrap_slot};
use super::{check_bits, collected, int_of, text_bytes, AssSubscript};

type InplaceConcat = fn(PySequence<'_>, &PyObject, &VirtualMachine) -> PyResult;

static LIST_INPLACE_CONCAT: OnceLock<InplaceConcat> = OnceLock::new();
static LIST_ASS_SUBSCRIPT: OnceLock<AssSubscript> = OnceLock::new();

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

/// Installs the sequence bounds.
pub(super) fn install(vm: &VirtualMachine) {
    install_sized(vm);
    install_list_assignment(vm);
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

/// A sequence-repeat slot function.
type Repeat = fn(PySequence<'_>, isize, &VirtualMachine) -> PyResult;

/// The sequence types whose repetition is checked, and their repeat slots.
pub(super) const SEQUENCES: usize = 6;
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
    if I == SEQUENCES - 1 {
        if let Some(result) = bounded_deque_repeat(seq.obj, n, false, vm)? {
            return Ok(result);
        }
    }
    reserve(repeated_size(seq.obj, n, vm)?, "the repetition", vm)?;
    (REPEAT[I].get().expect("installed"))(seq, n, vm)
}

fn checked_inplace_repeat<const I: usize>(
    seq: PySequence<'_>,
    n: isize,
    vm: &VirtualMachine,
) -> PyResult {
    if I == SEQUENCES - 1 {
        if let Some(result) = bounded_deque_repeat(seq.obj, n, true, vm)? {
            return Ok(result);
        }
    }
    reserve(repeated_size(seq.obj, n, vm)?, "the repetition", vm)?;
    (INPLACE_REPEAT[I].get().expect("installed"))(seq, n, vm)
}

/// `deque * n` (or `*=`) of a deque with a `maxlen` shorter than the
/// repetition: the result is the last `maxlen` items of it, made here from a
/// snapshot of the deque, in time and memory of the result. RustPython
/// stepped through the whole repetition (`deque([1, 2], maxlen=2) * 10**9`,
/// two items, was refused for the 16 GB it does not make, as CPython does
/// not). `None`: no `maxlen`, or the repetition fits in it.
fn bounded_deque_repeat(
    deque: &PyObject,
    n: isize,
    inplace: bool,
    vm: &VirtualMachine,
) -> PyResult<Option<PyObjectRef>> {
    let maxlen = deque.get_attr("maxlen", vm)?;
    if vm.is_none(&maxlen) {
        return Ok(None);
    }
    let maxlen: usize = maxlen.try_into_value(vm)?;
    let len = deque.length(vm)?;
    let total = (len as u128) * (n.max(0) as u128);
    if total <= maxlen as u128 {
        return Ok(None);
    }
    reserve(
        maxlen as f64 * std::mem::size_of::<PyObjectRef>() as f64,
        "the repetition",
        vm,
    )?;
    let items: Vec<PyObjectRef> = vm.ctx.types.list_type.as_object().call((deque.to_owned(),), vm)?.try_into_value(vm)?;
    if items.is_empty() {
        return Ok(None);
    }
    let start = ((total - maxlen as u128) % items.len() as u128) as usize;
    let kept: Vec<PyObjectRef> = (0..maxlen)
        .map(|i| items[(start + i) % items.len()].clone())
        .collect();
    let kept: PyObjectRef = vm.ctx.new_list(kept).into();
    if inplace {
        vm.call_method(deque, "clear", ())?;
        vm.call_method(deque, "extend", (kept,))?;
        return Ok(Some(deque.to_owned()));
    }
    let maxlen = vm.ctx.new_int(maxlen);
    Ok(Some(deque.class().as_object().call((kept, maxlen), vm)?))
}

/// Routes the repetition of sequence type `ty` (number `i` of [`REPEAT`])
/// through the checked slots: `*`, `*=`, `__mul__`, `__rmul__`, `__imul__`.
pub(super) fn wrap_repeat(ty: &'static Py<PyType>, i: usize, vm: &VirtualMachine) {
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
    let padded: [(&'static Py<PyType>, &str, Sized); 15] = [
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
        (t.bytearray_type, "rjust", Sized::Width),
        (t.bytearray_type, "center", Sized::Width),
        (t.bytearray_type, "zfill", Sized::Width),
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
                    // The argument's own range first, as CPython converts it
                    // (`expandtabs` takes a C int, the widths a `Py_ssize_t`).
                    let (least, most, c_type) = match kind {
                        Sized::Tabs => (f64::from(i32::MIN), f64::from(i32::MAX) + 1.0, "C int"),
                        Sized::Width => (isize::MIN as f64, isize::MAX as f64, "C ssize_t"),
                    };
                    // `isize::MAX as f64` is 2**63 itself, past the range.
                    if n < least || n >= most {
                        return Err(vm.new_overflow_error(format!(
                            "Python int too large to convert to {c_type}"
                        )));
                    }
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

/// `sep.join(items)` allocates the sum of its items' sizes at once: a list of
/// many references to one long `str` (`[x] * 10**4`) asks for far more than the
/// guest holds. The items are collected first (as `join` itself does, through
/// the metered iterators), their sizes summed, and the result checked against
/// what is left of the budget before the original `join` runs on the list.
pub(super) fn install_join(ty: &'static Py<PyType>, vm: &VirtualMachine) {
    replace_method(ty, "join", vm, |zelf, mut args, original, vm| {
        if args.args.len() == 1 && args.kwargs.is_empty() {
            let items = Vec::<PyObjectRef>::try_from_object(vm, args.args[0].clone())?;
            if !zelf.fast_isinstance(vm.ctx.types.str_type) {
                // Bytes-like items are buffers before the separator's buffer
                // is taken (`buffers.rs`).
                crate::guest::buffers::check_join_items(&items, vm)?;
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
