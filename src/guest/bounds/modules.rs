//! Bounds installed on library modules as they are handed out (SPEC §5.8):
//! `collections`, `itertools`, `random`, `typing`.

use std::sync::OnceLock;
use num_traits::{Signed, ToPrimitive};
use rustpython_vm::builtins::{PyInt, PyType, PyTypeRef};
use rustpython_vm::function::FuncArgs;
use rustpython_vm::{PyObjectRef, PyResult, VirtualMachine};
use crate::guest::meter::reserve;
use crate::guest::patch::{module_type, replace_method, wrap_slot};
use super::sequence::{wrap_repeat, SEQUENCES};
use super::{check_bits, collected, index_once, int_of, NewFn};

/// `collections.deque(x) * n` (and `*=`) is checked like a list's: the module's
/// deque type is the sixth checked sequence. Its comparison, `remove` and
/// `insert` trust no lock or position across guest code (`compare.rs`,
/// `deque.rs`).
pub(crate) fn wrap_collections(module: &PyObjectRef, vm: &VirtualMachine) -> PyResult<()> {
    let ty = module_type(module, "deque", vm)?;
    wrap_repeat(ty, SEQUENCES - 1, vm);
    crate::guest::deque::install(ty, vm)?;
    crate::guest::compare::install_deque(ty, vm)
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

/// A PEP 695 `TypeVar` evaluates its bound and constraints lazily, holding
/// its lock while the guest's expression runs; an expression that read the
/// same field took the lock twice (an interpreter panic). Reading them is
/// exclusive per `TypeVar` (`exclusive.rs`). The type exists without any
/// import (`def f[T: g()]()` makes one), so this runs at set-up.
pub(crate) fn install_typevar(vm: &VirtualMachine) {
    use rustpython_vm::class::StaticType;
    if let Some(ty) = rustpython_vm::stdlib::_typing::TypeVar::static_cell().get() {
        crate::guest::exclusive::guard_getsets(ty, &["__bound__", "__constraints__"], vm);
    }
}

/// `_typing._idfunc`, the `__call__` of every `typing.NewType`, indexes its
/// first argument without checking there is one: `typing.NewType('N', int)()`
/// panicked (found by the hostile-argument sweep in `tests/all/hostile.rs`).
/// It takes exactly one argument, as CPython's does.
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
