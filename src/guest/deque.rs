//! `collections.deque.remove` and `insert`, with no position trusted across
//! guest code (SPEC §7, *Re-entrancy*).
//!
//! RustPython's `remove` found the item's index (calling the items' `__eq__`),
//! then removed that index with an `unwrap`: an `__eq__` that emptied the deque
//! by a mutation the deque's change counter does not see (`del d[0]`,
//! `d *= 0`) made it unwrap nothing, an interpreter panic. `insert` negated an
//! `i32` index, which panicked for `-2**31`.
//!
//! `remove` is CPython's loop: item `i` is read under the deque's short lock,
//! compared with none held, and the deque must still have its length and that
//! item at `i` afterwards (`IndexError: deque mutated during iteration`,
//! CPython's words) before the first equal item is deleted by index. `insert`
//! takes CPython's index (any `ssize_t`, clamped to the deque) and passes the
//! interpreter one within its length.

use super::patch::replace_method;
use num_traits::ToPrimitive;
use rustpython_vm::builtins::PyType;
use rustpython_vm::protocol::PySequence;
use rustpython_vm::types::PyComparisonOp;
use rustpython_vm::{AsObject, Py, PyObject, PyObjectRef, PyResult, VirtualMachine};

type Length = fn(PySequence<'_>, &VirtualMachine) -> PyResult<usize>;
type Item = fn(PySequence<'_>, isize, &VirtualMachine) -> PyResult;
type AssItem = fn(PySequence<'_>, isize, Option<PyObjectRef>, &VirtualMachine) -> PyResult<()>;

/// The deque's own sequence slots (native; a subclass's methods are not asked).
#[derive(Clone, Copy)]
struct Slots {
    length: Length,
    item: Item,
    ass_item: AssItem,
}

impl Slots {
    fn len(&self, obj: &PyObject, vm: &VirtualMachine) -> PyResult<usize> {
        (self.length)(PySequence { obj }, vm)
    }
}

fn remove(slots: Slots, zelf: &PyObject, value: &PyObject, vm: &VirtualMachine) -> PyResult {
    let n = slots.len(zelf, vm)?;
    for i in 0..n {
        super::meter::charge_native(vm)?;
        let at = i as isize;
        let item = (slots.item)(PySequence { obj: zelf }, at, vm)?;
        let equal = item.is(value) || item.rich_compare_bool(value, PyComparisonOp::Eq, vm)?;
        let unchanged = slots.len(zelf, vm)? == n
            && (slots.item)(PySequence { obj: zelf }, at, vm).is_ok_and(|now| now.is(&item));
        if !unchanged {
            return Err(vm.new_index_error("deque mutated during iteration"));
        }
        if equal {
            (slots.ass_item)(PySequence { obj: zelf }, at, None, vm)?;
            return Ok(vm.ctx.none());
        }
    }
    Err(vm.new_value_error(format!("{} is not in deque", value.repr(vm)?.as_wtf8())))
}

/// CPython's index of `insert`: any `ssize_t`, clamped to `[-len - 1, len]`.
fn insert_index(slots: Slots, zelf: &PyObject, index: &PyObject, vm: &VirtualMachine) -> PyResult<i64> {
    let index = index.try_index(vm)?;
    let index = index
        .as_bigint()
        .to_isize()
        .ok_or_else(|| vm.new_overflow_error("Python int too large to convert to C ssize_t"))?;
    let len = slots.len(zelf, vm)? as i64;
    Ok((index as i64).clamp(-len - 1, len))
}

/// Replaces `remove` and `insert` of the module's deque type `ty`.
pub(crate) fn install(ty: &'static Py<PyType>, vm: &VirtualMachine) -> PyResult<()> {
    let s = &ty.slots.as_sequence;
    let (Some(length), Some(item), Some(ass_item)) =
        (s.length.load(), s.item.load(), s.ass_item.load())
    else {
        return Err(vm.new_type_error("deque has no sequence slots"));
    };
    let slots = Slots { length, item, ass_item };
    replace_method(ty, "remove", vm, move |zelf, args, _original, vm| {
        let (value,): (PyObjectRef,) = args.bind(vm)?;
        remove(slots, &zelf, &value, vm)
    });
    replace_method(ty, "insert", vm, move |zelf, mut args, original, vm| {
        if let Some(index) = args.args.first().cloned() {
            let clamped = insert_index(slots, &zelf, &index, vm)?;
            args.args[0] = vm.ctx.new_int(clamped).into();
        }
        args.prepend_arg(zelf);
        original.call(args, vm)
    });
    Ok(())
}
