//! Constructors and methods that allocate a size an argument chooses, checked
//! against the memory left before they run (SPEC §5.6): `bytes(n)`,
//! `bytearray(n)`, `tuple(x)`, `frozenset(x)`, `replace`, `int.to_bytes`,
//! `dict.fromkeys`, `sorted`.

use std::sync::OnceLock;
use num_traits::{ToPrimitive, Zero};
use rustpython_vm::builtins::{PyStr, PyType, PyTypeRef};
use rustpython_vm::function::FuncArgs;
use rustpython_vm::{AsObject, Py, PyObject, PyObjectRef, PyPayload, PyResult, VirtualMachine};
use crate::guest::meter::{reserve, reserve_bounded};
use crate::guest::patch::{guard_method, replace_method, wrap_slot};
use super::sequence::install_join;
use super::{index_once, int_of, text_bytes, InitFn, NewFn, VectorCall};

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

/// Installs the size checks of the constructors and of `replace`, `join`,
/// `int.to_bytes`, `dict.fromkeys` and `sorted`.
pub(super) fn install(vm: &VirtualMachine) -> PyResult<()> {
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
    crate::guest::patch::replace_builtin(vm, "sorted", |original| {
        vm.new_function(
            "sorted",
            move |args: FuncArgs, vm: &VirtualMachine| -> PyResult {
                reserve(materialized_size(&args, vm), "sorted()", vm)?;
                original.call(args, vm)
            },
        )
        .into()
    })
}
