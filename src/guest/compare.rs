//! Comparing sequences item by item, CPython's way: no lock is held while guest
//! code runs, and every pair compared costs fuel (SPEC §5.8, §7).
//!
//! RustPython compares two lists (and two deques) holding a read lock on each
//! for the whole comparison, and calls the items' `__eq__` under it: an `__eq__`
//! that changed either container (`L.clear()`, `D.append(x)`, a finalizer that
//! ran meanwhile) took the lock a second time, and the interpreter panicked.
//! The comparison is also one native loop that never looks at the stop: two
//! equal structures built of shared halves (`a = [a, a]`, sixty times) compare
//! in `2**60` steps, past any deadline.
//!
//! The replacement is CPython's algorithm (`list_richcompare`,
//! `deque_richcompare`, `tuplerichcompare`): it takes the next item of each
//! side under a short lock (a list or tuple by index against its current
//! length, a deque through its iterator, which raises `RuntimeError` if the
//! deque changes), releases it, and only then compares. The first pair that is
//! not equal decides (`==` and `!=` by that, the orderings by comparing the
//! pair with the operator itself, whose result a list or tuple returns as it
//! is and a deque as its truth, as in CPython; two lists are looked at again
//! after that pair's `__eq__`: shortened, their lengths decide, and the
//! ordering compares the items now at that index);
//! if one side runs out, the lengths decide. Each pair costs one fuel unit and
//! looks at the stop, so a comparison ends with the fuel or the deadline like
//! a loop.
//!
//! Installed on the slot of `list`, `tuple` and `collections.deque` (which the
//! subclasses a guest makes inherit) and on their six comparison methods, whose
//! wrappers were made from the interpreter's slot when the type was built.

use super::patch::RichCompare;
use rustpython_vm::builtins::{PyList, PyTuple, PyType};
use rustpython_vm::function::{Either, PyComparisonValue};
use rustpython_vm::protocol::{PyIter, PyIterReturn, PySequence};
use rustpython_vm::types::PyComparisonOp;
use rustpython_vm::{AsObject, Py, PyObject, PyObjectRef, PyResult, VirtualMachine};
use std::cell::Cell;
use std::sync::OnceLock;

type Length = fn(PySequence<'_>, &VirtualMachine) -> PyResult<usize>;

/// The deque type's own length slot, taken when `_collections` is imported
/// (the same function on every thread).
static DEQUE: OnceLock<Length> = OnceLock::new();

/// One side of a comparison: its next item, read under a short lock.
enum Cursor {
    List(PyObjectRef, usize),
    Tuple(PyObjectRef, usize),
    Iter(PyIter),
}

impl Cursor {
    fn next(&mut self, vm: &VirtualMachine) -> PyResult<Option<PyObjectRef>> {
        match self {
            Cursor::List(list, i) => {
                let item = list
                    .downcast_ref::<PyList>()
                    .and_then(|l| l.borrow_vec().get(*i).cloned());
                *i += 1;
                Ok(item)
            }
            Cursor::Tuple(tuple, i) => {
                let item = tuple
                    .downcast_ref::<PyTuple>()
                    .and_then(|t| t.as_slice().get(*i).cloned());
                *i += 1;
                Ok(item)
            }
            Cursor::Iter(iter) => match iter.next(vm)? {
                PyIterReturn::Return(item) => Ok(Some(item)),
                PyIterReturn::StopIteration(_) => Ok(None),
            },
        }
    }
}

/// The kinds of sequence compared here.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    List,
    Tuple,
    Deque,
}

impl Kind {
    fn of(obj: &PyObject) -> Option<Kind> {
        if obj.downcast_ref::<PyList>().is_some() {
            Some(Kind::List)
        } else if obj.downcast_ref::<PyTuple>().is_some() {
            Some(Kind::Tuple)
        } else if DEQUE_TYPE.get().is_some_and(|d| obj.fast_isinstance(d)) {
            Some(Kind::Deque)
        } else {
            None
        }
    }

    /// The native length (never a guest `__len__` of a subclass).
    fn len(self, obj: &PyObject, vm: &VirtualMachine) -> PyResult<usize> {
        match self {
            Kind::List => Ok(obj.downcast_ref::<PyList>().map_or(0, |l| l.borrow_vec().len())),
            Kind::Tuple => Ok(obj.downcast_ref::<PyTuple>().map_or(0, |t| t.len())),
            Kind::Deque => {
                let length = DEQUE.get().expect("deque compared before its import");
                length(PySequence { obj }, vm)
            }
        }
    }

    fn cursor(self, obj: &PyObject, vm: &VirtualMachine) -> PyResult<Cursor> {
        Ok(match self {
            Kind::List => Cursor::List(obj.to_owned(), 0),
            Kind::Tuple => Cursor::Tuple(obj.to_owned(), 0),
            // The deque's iterator as CPython gets it (a subclass's
            // `__iter__` counts); the native one raises if the deque changes.
            Kind::Deque => Cursor::Iter(obj.to_owned().get_iter(vm)?),
        })
    }
}

/// Compares `a` and `b` (both of `kind`) with `op`, CPython's way.
fn compare(
    kind: Kind,
    a: &PyObject,
    b: &PyObject,
    op: PyComparisonOp,
    vm: &VirtualMachine,
) -> PyResult<Either<PyObjectRef, PyComparisonValue>> {
    let verdict = |v: bool| Ok(Either::B(PyComparisonValue::Implemented(v)));
    // Lists and deques of different lengths are unequal without looking at
    // an item; tuples compare their items first, as in CPython.
    if matches!(op, PyComparisonOp::Eq | PyComparisonOp::Ne) && !matches!(kind, Kind::Tuple) {
        if a.is(b) {
            return verdict(op == PyComparisonOp::Eq);
        }
        if kind.len(a, vm)? != kind.len(b, vm)? {
            return verdict(op == PyComparisonOp::Ne);
        }
    }
    let (mut xs, mut ys) = (kind.cursor(a, vm)?, kind.cursor(b, vm)?);
    loop {
        let x = xs.next(vm)?;
        let y = match x {
            Some(_) => ys.next(vm)?,
            None => None,
        };
        let (Some(x), Some(y)) = (&x, &y) else {
            // One side ran out (a list's or tuple's current length, a deque's
            // iterator): the lengths decide.
            let rest_of_b = match (&x, &y) {
                (None, _) => ys.next(vm)?.is_some(),
                _ => false,
            };
            return verdict(op.eval_ord(x.is_some().cmp(&rest_of_b)));
        };
        super::meter::charge_native(vm)?;
        if x.is(y) || vm.bool_eq(x, y)? {
            continue;
        }
        if let (Kind::List, Cursor::List(_, next)) = (kind, &xs) {
            // CPython looks at the lists again after the `__eq__` that
            // decided: if either is now too short the lengths decide, and the
            // ordering compares the items now at that index.
            let i = next - 1;
            let item = |l: &PyObject| {
                l.downcast_ref::<PyList>()
                    .and_then(|l| l.borrow_vec().get(i).cloned())
            };
            let (Some(x), Some(y)) = (item(a), item(b)) else {
                return verdict(op.eval_ord(kind.len(a, vm)?.cmp(&kind.len(b, vm)?)));
            };
            return match op {
                PyComparisonOp::Eq => verdict(false),
                PyComparisonOp::Ne => verdict(true),
                _ => x.rich_compare(y, op, vm).map(Either::A),
            };
        }
        return match (op, kind) {
            (PyComparisonOp::Eq, _) => verdict(false),
            (PyComparisonOp::Ne, _) => verdict(true),
            // A deque answers with the truth of that comparison.
            (_, Kind::Deque) => verdict(x.rich_compare_bool(y, op, vm)?),
            _ => x.to_owned().rich_compare(y.to_owned(), op, vm).map(Either::A),
        };
    }
}

/// The slot: both sides of the same kind, or `NotImplemented` (a list is never
/// compared with a tuple, nor a deque with a list).
fn richcompare(
    a: &PyObject,
    b: &PyObject,
    op: PyComparisonOp,
    vm: &VirtualMachine,
) -> PyResult<Either<PyObjectRef, PyComparisonValue>> {
    match (Kind::of(a), Kind::of(b)) {
        (Some(k), Some(j)) if k == j => compare(k, a, b, op, vm),
        (Some(_), _) => Ok(Either::B(PyComparisonValue::NotImplemented)),
        (None, _) => Err(vm.new_type_error(format!(
            "unexpected payload for {}",
            op.method_name(&vm.ctx).as_str()
        ))),
    }
}

thread_local! {
    /// This sandbox's `collections.deque` type, once `_collections` is
    /// imported (leaked, as every type whose methods are replaced is).
    static DEQUE_TYPE: Cell<Option<&'static Py<PyType>>> = const { Cell::new(None) };
}

/// Points `ty`'s comparison slot and its six comparison methods at
/// [`richcompare`].
fn install_on(ty: &'static Py<PyType>, vm: &VirtualMachine) {
    ty.slots.richcompare.store(Some(richcompare as RichCompare));
    super::patch::comparison_methods(ty, richcompare, vm);
}

/// `list` and `tuple`, at set-up.
pub(crate) fn install(vm: &VirtualMachine) {
    install_on(vm.ctx.types.list_type, vm);
    install_on(vm.ctx.types.tuple_type, vm);
}

/// `collections.deque`, when `_collections` is imported.
pub(crate) fn install_deque(ty: &'static Py<PyType>, vm: &VirtualMachine) -> PyResult<()> {
    let Some(length) = ty.slots.as_sequence.length.load() else {
        return Err(vm.new_type_error("deque has no length slot"));
    };
    DEQUE.get_or_init(|| length);
    DEQUE_TYPE.set(Some(ty));
    install_on(ty, vm);
    Ok(())
}
