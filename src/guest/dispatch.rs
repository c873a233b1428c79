//! Slot dispatch enters the recursion count (SPEC §5.2). A class the guest
//! defines gets RustPython's generic slot functions for the special methods
//! it defines: `call_wrapper`, `init_wrapper`, `descr_get_wrapper`,
//! `len_wrapper`, one per number operation, and so on. Each looks the special
//! method up natively and calls what it finds. What it finds need not be a
//! Python function, which a frame would count: an instance of the class
//! itself (`A.__call__ = a`), the class (`A.__init__ = A`), a `property`
//! around a builtin (`E.__len__ = property(len)`). A cycle of such lookups
//! never enters a Python frame and recursed natively until the sandbox
//! thread's stack overflowed and the process aborted.
//!
//! Structure, not spelling:
//! - every generic slot function of every class enters `with_recursion`
//!   first (one level of the count, and RustPython's native-stack check): the
//!   generic functions are learned from a probe class at set-up, and any slot
//!   of a class that holds one is pointed at its counted twin when the class
//!   is made (`type`'s constructor slot), when one of its special methods is
//!   written or its bases change (the write rewrites its subclasses' slots
//!   too, so they are counted again), and at each sweep;
//! - every native descriptor that calls what it holds (`property`,
//!   `staticmethod`, `classmethod`, `super`, `partial`, ...) enters the count
//!   in its `__get__` and `__set__` slots: all but the inert descriptors of
//!   functions, methods, members and fields;
//! - a slot of a guest class that holds a native `__call__` or `__get__`
//!   this module or `calls.rs` counts (a wrapper descriptor of the native base
//!   assigned to the subclass) is pointed at the counted one too.
//!
//! Any cycle of native dispatch then passes a counted step: a Python frame, a
//! native callable's call (`calls.rs`), a method wrapper, a generic slot
//! function or a native descriptor.

use super::patch::assign_wrapper;
use parking_lot::Mutex;
use rustpython_vm::builtins::{PyStr, PyType, PyTypeRef};
use rustpython_vm::common::hash::PyHash;
use rustpython_vm::function::{Either, FuncArgs, PyComparisonValue, PySetterValue};
use rustpython_vm::protocol::{PyIterReturn, PyMapping, PyNumber, PySequence};
use rustpython_vm::types::{PyComparisonOp, PyTypeFlags};
use rustpython_vm::{AsObject, Py, PyObject, PyObjectRef, PyRef, PyResult, VirtualMachine};
use std::collections::HashSet;
use std::sync::OnceLock;

/// What a `RecursionError` raised by a counted step says (CPython's words for
/// the same overflow).
const WHERE: &str = " while calling a Python object";

/// For every slot named, with the slot function's signature (its last
/// argument is always the interpreter): the generic function learned from the
/// probe, its counted twin, and the steps that learn and count.
macro_rules! generic_slots {
    ($( $name:ident = $($field:ident).+ : fn($($arg:ident : $ty:ty),*) -> $ret:ty; )*) => {
        $(
            #[allow(non_snake_case)]
            mod $name {
                use super::*;
                /// The interpreter's generic function for this slot.
                pub(super) static GENERIC: OnceLock<fn($($ty,)* &VirtualMachine) -> $ret> =
                    OnceLock::new();
                /// The generic function, one level of the recursion count in.
                pub(super) fn counted($($arg: $ty,)* vm: &VirtualMachine) -> $ret {
                    match GENERIC.get() {
                        Some(generic) => vm.with_recursion(WHERE, || generic($($arg,)* vm)),
                        None => Err(vm.new_runtime_error("slot dispatch is not available")),
                    }
                }
            }
        )*

        /// Learns each slot's generic function from `probe`, a class that
        /// defines every special method (`object`'s slot is not generic).
        fn learn_from(probe: &PyType, object: &PyType) {
            $(
                if let Some(f) = probe.slots.$($field).+.load() {
                    let inherited = object.slots.$($field).+.load().map(|o| o as usize);
                    let counted = $name::counted as fn($($ty,)* &VirtualMachine) -> $ret;
                    if inherited != Some(f as usize) && f as usize != counted as usize {
                        let _ = $name::GENERIC.set(f);
                    }
                }
            )*
        }

        /// Points every slot of `ty` that holds a generic function at its
        /// counted twin.
        fn count_generic(ty: &PyType) {
            $(
                if let (Some(current), Some(generic)) =
                    (ty.slots.$($field).+.load(), $name::GENERIC.get())
                {
                    if current as usize == *generic as usize {
                        ty.slots.$($field).+.store(Some($name::counted));
                    }
                }
            )*
        }

        /// The slots whose generic function was not learned (a test checks
        /// there are none).
        #[cfg(test)]
        fn unlearned() -> Vec<&'static str> {
            let mut missing = Vec::new();
            $(
                if $name::GENERIC.get().is_none() {
                    missing.push(stringify!($($field).+));
                }
            )*
            missing
        }
    };
}

generic_slots! {
    REPR = repr: fn(zelf: &PyObject) -> PyResult<PyRef<PyStr>>;
    STR = str: fn(zelf: &PyObject) -> PyResult<PyRef<PyStr>>;
    HASH = hash: fn(zelf: &PyObject) -> PyResult<PyHash>;
    CALL = call: fn(zelf: &PyObject, args: FuncArgs) -> PyResult;
    GETATTRO = getattro: fn(zelf: &PyObject, name: &Py<PyStr>) -> PyResult;
    SETATTRO = setattro: fn(zelf: &PyObject, name: &Py<PyStr>, value: PySetterValue) -> PyResult<()>;
    RICHCOMPARE = richcompare: fn(zelf: &PyObject, other: &PyObject, op: PyComparisonOp)
        -> PyResult<Either<PyObjectRef, PyComparisonValue>>;
    ITER = iter: fn(zelf: PyObjectRef) -> PyResult;
    ITERNEXT = iternext: fn(zelf: &PyObject) -> PyResult<PyIterReturn>;
    DESCR_GET = descr_get: fn(zelf: PyObjectRef, obj: Option<PyObjectRef>, cls: Option<PyObjectRef>)
        -> PyResult;
    DESCR_SET = descr_set: fn(zelf: &PyObject, obj: PyObjectRef, value: PySetterValue) -> PyResult<()>;
    INIT = init: fn(zelf: PyObjectRef, args: FuncArgs) -> PyResult<()>;
    NEW = new: fn(cls: PyTypeRef, args: FuncArgs) -> PyResult;

    SQ_LENGTH = as_sequence.length: fn(seq: PySequence<'_>) -> PyResult<usize>;
    SQ_REPEAT = as_sequence.repeat: fn(seq: PySequence<'_>, n: isize) -> PyResult;
    SQ_INPLACE_REPEAT = as_sequence.inplace_repeat: fn(seq: PySequence<'_>, n: isize) -> PyResult;
    SQ_ITEM = as_sequence.item: fn(seq: PySequence<'_>, i: isize) -> PyResult;
    SQ_ASS_ITEM = as_sequence.ass_item: fn(seq: PySequence<'_>, i: isize, value: Option<PyObjectRef>)
        -> PyResult<()>;
    SQ_CONTAINS = as_sequence.contains: fn(seq: PySequence<'_>, needle: &PyObject) -> PyResult<bool>;
    MP_LENGTH = as_mapping.length: fn(mapping: PyMapping<'_>) -> PyResult<usize>;
    MP_SUBSCRIPT = as_mapping.subscript: fn(mapping: PyMapping<'_>, key: &PyObject) -> PyResult;
    MP_ASS_SUBSCRIPT = as_mapping.ass_subscript:
        fn(mapping: PyMapping<'_>, key: &PyObject, value: Option<PyObjectRef>) -> PyResult<()>;

    NB_NEGATIVE = as_number.negative: fn(num: PyNumber<'_>) -> PyResult;
    NB_POSITIVE = as_number.positive: fn(num: PyNumber<'_>) -> PyResult;
    NB_ABSOLUTE = as_number.absolute: fn(num: PyNumber<'_>) -> PyResult;
    NB_INVERT = as_number.invert: fn(num: PyNumber<'_>) -> PyResult;
    NB_INT = as_number.int: fn(num: PyNumber<'_>) -> PyResult;
    NB_FLOAT = as_number.float: fn(num: PyNumber<'_>) -> PyResult;
    NB_INDEX = as_number.index: fn(num: PyNumber<'_>) -> PyResult;
    NB_BOOLEAN = as_number.boolean: fn(num: PyNumber<'_>) -> PyResult<bool>;

    NB_POWER = as_number.power: fn(a: &PyObject, b: &PyObject, c: &PyObject) -> PyResult;
    NB_RIGHT_POWER = as_number.right_power: fn(a: &PyObject, b: &PyObject, c: &PyObject) -> PyResult;
    NB_INPLACE_POWER = as_number.inplace_power: fn(a: &PyObject, b: &PyObject, c: &PyObject) -> PyResult;

    NB_ADD = as_number.add: fn(a: &PyObject, b: &PyObject) -> PyResult;
    NB_SUBTRACT = as_number.subtract: fn(a: &PyObject, b: &PyObject) -> PyResult;
    NB_MULTIPLY = as_number.multiply: fn(a: &PyObject, b: &PyObject) -> PyResult;
    NB_REMAINDER = as_number.remainder: fn(a: &PyObject, b: &PyObject) -> PyResult;
    NB_DIVMOD = as_number.divmod: fn(a: &PyObject, b: &PyObject) -> PyResult;
    NB_LSHIFT = as_number.lshift: fn(a: &PyObject, b: &PyObject) -> PyResult;
    NB_RSHIFT = as_number.rshift: fn(a: &PyObject, b: &PyObject) -> PyResult;
    NB_AND = as_number.and: fn(a: &PyObject, b: &PyObject) -> PyResult;
    NB_XOR = as_number.xor: fn(a: &PyObject, b: &PyObject) -> PyResult;
    NB_OR = as_number.or: fn(a: &PyObject, b: &PyObject) -> PyResult;
    NB_FLOOR_DIVIDE = as_number.floor_divide: fn(a: &PyObject, b: &PyObject) -> PyResult;
    NB_TRUE_DIVIDE = as_number.true_divide: fn(a: &PyObject, b: &PyObject) -> PyResult;
    NB_MATRIX_MULTIPLY = as_number.matrix_multiply: fn(a: &PyObject, b: &PyObject) -> PyResult;

    NB_RIGHT_ADD = as_number.right_add: fn(a: &PyObject, b: &PyObject) -> PyResult;
    NB_RIGHT_SUBTRACT = as_number.right_subtract: fn(a: &PyObject, b: &PyObject) -> PyResult;
    NB_RIGHT_MULTIPLY = as_number.right_multiply: fn(a: &PyObject, b: &PyObject) -> PyResult;
    NB_RIGHT_REMAINDER = as_number.right_remainder: fn(a: &PyObject, b: &PyObject) -> PyResult;
    NB_RIGHT_DIVMOD = as_number.right_divmod: fn(a: &PyObject, b: &PyObject) -> PyResult;
    NB_RIGHT_LSHIFT = as_number.right_lshift: fn(a: &PyObject, b: &PyObject) -> PyResult;
    NB_RIGHT_RSHIFT = as_number.right_rshift: fn(a: &PyObject, b: &PyObject) -> PyResult;
    NB_RIGHT_AND = as_number.right_and: fn(a: &PyObject, b: &PyObject) -> PyResult;
    NB_RIGHT_XOR = as_number.right_xor: fn(a: &PyObject, b: &PyObject) -> PyResult;
    NB_RIGHT_OR = as_number.right_or: fn(a: &PyObject, b: &PyObject) -> PyResult;
    NB_RIGHT_FLOOR_DIVIDE = as_number.right_floor_divide: fn(a: &PyObject, b: &PyObject) -> PyResult;
    NB_RIGHT_TRUE_DIVIDE = as_number.right_true_divide: fn(a: &PyObject, b: &PyObject) -> PyResult;
    NB_RIGHT_MATRIX_MULTIPLY = as_number.right_matrix_multiply: fn(a: &PyObject, b: &PyObject) -> PyResult;

    NB_INPLACE_ADD = as_number.inplace_add: fn(a: &PyObject, b: &PyObject) -> PyResult;
    NB_INPLACE_SUBTRACT = as_number.inplace_subtract: fn(a: &PyObject, b: &PyObject) -> PyResult;
    NB_INPLACE_MULTIPLY = as_number.inplace_multiply: fn(a: &PyObject, b: &PyObject) -> PyResult;
    NB_INPLACE_REMAINDER = as_number.inplace_remainder: fn(a: &PyObject, b: &PyObject) -> PyResult;
    NB_INPLACE_LSHIFT = as_number.inplace_lshift: fn(a: &PyObject, b: &PyObject) -> PyResult;
    NB_INPLACE_RSHIFT = as_number.inplace_rshift: fn(a: &PyObject, b: &PyObject) -> PyResult;
    NB_INPLACE_AND = as_number.inplace_and: fn(a: &PyObject, b: &PyObject) -> PyResult;
    NB_INPLACE_XOR = as_number.inplace_xor: fn(a: &PyObject, b: &PyObject) -> PyResult;
    NB_INPLACE_OR = as_number.inplace_or: fn(a: &PyObject, b: &PyObject) -> PyResult;
    NB_INPLACE_FLOOR_DIVIDE = as_number.inplace_floor_divide: fn(a: &PyObject, b: &PyObject) -> PyResult;
    NB_INPLACE_TRUE_DIVIDE = as_number.inplace_true_divide: fn(a: &PyObject, b: &PyObject) -> PyResult;
    NB_INPLACE_MATRIX_MULTIPLY = as_number.inplace_matrix_multiply:
        fn(a: &PyObject, b: &PyObject) -> PyResult;
}

/// Every special method a class can define to get a generic slot function.
const SPECIAL_METHODS: &[&str] = &[
    "__repr__", "__str__", "__hash__", "__call__", "__getattribute__", "__getattr__",
    "__setattr__", "__delattr__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__",
    "__iter__", "__next__", "__get__", "__set__", "__delete__", "__init__", "__new__",
    "__len__", "__getitem__", "__setitem__", "__delitem__", "__contains__", "__bool__",
    "__neg__", "__pos__", "__abs__", "__invert__", "__int__", "__float__", "__index__",
    "__add__", "__radd__", "__iadd__", "__sub__", "__rsub__", "__isub__", "__mul__",
    "__rmul__", "__imul__", "__mod__", "__rmod__", "__imod__", "__divmod__", "__rdivmod__",
    "__pow__", "__rpow__", "__ipow__", "__lshift__", "__rlshift__", "__ilshift__",
    "__rshift__", "__rrshift__", "__irshift__", "__and__", "__rand__", "__iand__", "__xor__",
    "__rxor__", "__ixor__", "__or__", "__ror__", "__ior__", "__floordiv__", "__rfloordiv__",
    "__ifloordiv__", "__truediv__", "__rtruediv__", "__itruediv__", "__matmul__",
    "__rmatmul__", "__imatmul__",
];

/// Learns the generic slot functions (once per process: slot functions are
/// the same code on every thread) from a probe class whose every special
/// method is a plain value (anything but a native slot wrapper gives the
/// generic function). The probe is made through `type`, before the sweep.
pub(crate) fn install(vm: &VirtualMachine) -> PyResult<()> {
    count_forwarding_lookups(vm);
    static LEARNED: OnceLock<()> = OnceLock::new();
    if LEARNED.get().is_some() {
        return Ok(());
    }
    let namespace = vm.ctx.new_dict();
    for name in SPECIAL_METHODS {
        namespace.set_item(*name, vm.ctx.new_int(0).into(), vm)?;
    }
    let object = vm.ctx.types.object_type;
    let bases = vm.ctx.new_tuple(vec![object.to_owned().into()]);
    let probe = vm
        .ctx
        .types
        .type_type
        .as_object()
        .call((vm.ctx.new_str("probe"), bases, namespace), vm)?;
    let probe = probe
        .downcast::<PyType>()
        .map_err(|_| vm.new_runtime_error("the slot probe is not a class"))?;
    // The probe may already be counted (a second sandbox of a process
    // learned already): `learn_from` skips counted twins.
    learn_from(&probe, object);
    let _ = LEARNED.set(());
    Ok(())
}

/// Counts the slot dispatch of `ty` and of every class below it (a write of
/// a special method or of `__bases__` rewrites the subclasses' slots).
pub(crate) fn count_from(ty: &PyType) {
    let mut stack: Vec<PyTypeRef> = Vec::new();
    let mut seen = HashSet::new();
    count(ty);
    push_subclasses(ty, &mut stack);
    while let Some(sub) = stack.pop() {
        if !seen.insert(&*sub as *const Py<PyType> as usize) {
            continue;
        }
        count(&sub);
        push_subclasses(&sub, &mut stack);
    }
}

fn push_subclasses(ty: &PyType, stack: &mut Vec<PyTypeRef>) {
    for weak in ty.subclasses.read().iter() {
        if let Some(sub) = weak.upgrade().and_then(|s| s.downcast::<PyType>().ok()) {
            stack.push(sub);
        }
    }
}

/// Counts the slot dispatch of one class the guest (or the library) made:
/// its generic slot functions, and a native `__call__`/`__get__`/`__set__`
/// it holds that is counted on its native type.
pub(crate) fn count(ty: &PyType) {
    if !ty.slots.flags.has_feature(PyTypeFlags::HEAPTYPE) {
        return;
    }
    count_generic(ty);
    if let Some(call) = ty.slots.call.load() {
        if let Some(counted) = super::calls::counted_twin(call) {
            ty.slots.call.store(Some(counted));
        }
    }
    if let Some(get) = ty.slots.descr_get.load() {
        if let Some(i) = position(&GET_ORIGINALS, get as usize) {
            ty.slots.descr_get.store(Some(GET_WRAPPERS[i]));
        }
    }
    if let Some(set) = ty.slots.descr_set.load() {
        if let Some(i) = position(&SET_ORIGINALS, set as usize) {
            ty.slots.descr_set.store(Some(SET_WRAPPERS[i]));
        }
    }
}

/// Which of `originals` is the function at `addr`.
fn position<F>(originals: &[OnceLock<Slot<F>>], addr: usize) -> Option<usize> {
    originals.iter().position(|o| o.get().is_some_and(|s| s.1 == addr))
}

/// A native `__get__` slot.
type GetSlot = fn(PyObjectRef, Option<PyObjectRef>, Option<PyObjectRef>, &VirtualMachine) -> PyResult;
/// A native `__set__`/`__delete__` slot.
type SetSlot = fn(&PyObject, PyObjectRef, PySetterValue, &VirtualMachine) -> PyResult<()>;

/// How many distinct native descriptor functions can be counted.
const DESCRIPTORS: usize = 24;

/// A slot function with its address, which [`position`] compares.
#[derive(Clone, Copy)]
struct Slot<F>(F, usize);

static GET_ORIGINALS: [OnceLock<Slot<GetSlot>>; DESCRIPTORS] = [const { OnceLock::new() }; DESCRIPTORS];
static GET_ASSIGNED: Mutex<Vec<usize>> = Mutex::new(Vec::new());
static SET_ORIGINALS: [OnceLock<Slot<SetSlot>>; DESCRIPTORS] = [const { OnceLock::new() }; DESCRIPTORS];
static SET_ASSIGNED: Mutex<Vec<usize>> = Mutex::new(Vec::new());

macro_rules! descriptor_wrappers {
    ($($i:literal)*) => {
        /// One `__get__` per slot of `GET_ORIGINALS`, one level of the count in.
        static GET_WRAPPERS: [GetSlot; DESCRIPTORS] = [$({
            fn wrapper(
                zelf: PyObjectRef,
                obj: Option<PyObjectRef>,
                cls: Option<PyObjectRef>,
                vm: &VirtualMachine,
            ) -> PyResult {
                match GET_ORIGINALS[$i].get() {
                    Some(original) => vm.with_recursion(WHERE, || (original.0)(zelf, obj, cls, vm)),
                    None => Err(vm.new_runtime_error("descriptor is not available")),
                }
            }
            wrapper
        }),*];
        /// One `__set__` per slot of `SET_ORIGINALS`, one level of the count in.
        static SET_WRAPPERS: [SetSlot; DESCRIPTORS] = [$({
            fn wrapper(
                zelf: &PyObject,
                obj: PyObjectRef,
                value: PySetterValue,
                vm: &VirtualMachine,
            ) -> PyResult<()> {
                match SET_ORIGINALS[$i].get() {
                    Some(original) => vm.with_recursion(WHERE, || (original.0)(zelf, obj, value, vm)),
                    None => Err(vm.new_runtime_error("descriptor is not available")),
                }
            }
            wrapper
        }),*];
    };
}
descriptor_wrappers!(0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23);

/// Counts the `__get__` and `__set__` of `ty`'s instances (a native type of
/// the sweep), unless they are the inert descriptors of functions, methods,
/// members and fields, which call nothing of the guest's choosing.
pub(crate) fn count_descriptors(vm: &VirtualMachine, ty: &Py<PyType>) {
    let t = &vm.ctx.types;
    let inert = [
        t.function_type,
        t.method_descriptor_type,
        t.wrapper_descriptor_type,
        t.member_descriptor_type,
        t.getset_type,
        t.bound_method_type,
    ];
    if inert.iter().any(|l| ty.is(*l)) {
        return;
    }
    if let Some(get) = ty.slots.descr_get.load() {
        let addr = get as usize;
        let wrapped = GET_WRAPPERS.iter().any(|w| *w as usize == addr);
        if let Some(i) = assign_wrapper(Slot(get, addr), addr, wrapped, &GET_ORIGINALS, &GET_ASSIGNED) {
            ty.slots.descr_get.store(Some(GET_WRAPPERS[i]));
        }
    }
    if let Some(set) = ty.slots.descr_set.load() {
        let addr = set as usize;
        let wrapped = SET_WRAPPERS.iter().any(|w| *w as usize == addr);
        if let Some(i) = assign_wrapper(Slot(set, addr), addr, wrapped, &SET_ORIGINALS, &SET_ASSIGNED) {
            ty.slots.descr_set.store(Some(SET_WRAPPERS[i]));
        }
    }
}

/// A `__getattribute__` slot.
type GetattroSlot = fn(&PyObject, &Py<PyStr>, &VirtualMachine) -> PyResult;
/// The bound-method type's own attribute lookup.
static BOUND_GETATTRO: OnceLock<GetattroSlot> = OnceLock::new();

fn counted_bound_getattro(zelf: &PyObject, name: &Py<PyStr>, vm: &VirtualMachine) -> PyResult {
    match BOUND_GETATTRO.get() {
        Some(original) => vm.with_recursion(WHERE, || original(zelf, name, vm)),
        None => Err(vm.new_runtime_error("attribute lookup is not available")),
    }
}

/// A bound method forwards the attributes it lacks (`__doc__`, `__module__`,
/// ...) to its `__func__`, natively: a chain of bound methods over each
/// other recursed a level per link. Its lookup enters the recursion count.
pub(crate) fn count_forwarding_lookups(vm: &VirtualMachine) {
    let ty = vm.ctx.types.bound_method_type;
    super::patch::wrap_slot!(ty.slots.getattro, BOUND_GETATTRO, counted_bound_getattro as GetattroSlot);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_generic_slot_function_is_learned() {
        let _sandbox = crate::test_util::sandbox_with_every_module("");
        assert_eq!(unlearned(), Vec::<&str>::new());
        let gets = GET_ASSIGNED.lock().len();
        // property, staticmethod, classmethod, super at least.
        assert!(gets >= 4, "only {gets} native descriptor types counted");
        assert!(gets < DESCRIPTORS, "{gets} native descriptor types: some may be uncounted");
        assert!(SET_ASSIGNED.lock().len() < DESCRIPTORS);
    }
}
