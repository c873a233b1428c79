//! `list.sort` and `sorted`, metered.
//!
//! RustPython sorts with the `timsort` crate, whose run-merging rule merges the
//! growing run with each new short run: sorting is quadratic (a million strings:
//! minutes) and one native call that never looks at the stop. Both entry points
//! (`list.sort` and the `sorted` builtin; nothing else in the interpreter sorts
//! guest objects) are replaced by a stable merge sort of natural runs, written
//! here without `unsafe`:
//!
//! - `O(n log n)` comparisons at worst, `n - 1` for input already in order (or
//!   in strictly reverse order);
//! - every comparison (and every key computed) costs one fuel unit and looks at
//!   the stop, so fuel and the deadline end a sort like any loop, and the count
//!   depends only on the data;
//! - the semantics of CPython's sort: stable (also with `reverse=True`), keys
//!   computed once each, the list empty while it is sorted and
//!   `ValueError: list modified during sort` if the guest filled it meanwhile,
//!   and after a failing comparison the list holds a permutation of its items.

use super::meter as fuel;
use rustpython_vm::builtins::{PyList, PyListRef};
use rustpython_vm::function::FuncArgs;
use rustpython_vm::types::PyComparisonOp;
use rustpython_vm::{PyObjectRef, PyPayload, PyResult, TryFromObject, VirtualMachine};

/// Runs shorter than this are extended by binary insertion.
const MIN_RUN: usize = 32;

/// Replaces `list.sort` and the `sorted` builtin of this interpreter (its
/// `builtins` module, before the guest's builtins are copied from it).
/// `sorted` keeps its size check (`bounds/constructors.rs`), which wraps this one.
pub(crate) fn install(vm: &VirtualMachine) -> PyResult<()> {
    super::patch::replace_method(
        vm.ctx.types.list_type,
        "sort",
        vm,
        |zelf, args, _original, vm| {
            let Some(list) = zelf.downcast_ref::<PyList>() else {
                return Err(vm.new_type_error("sort() needs a list"));
            };
            if !args.args.is_empty() {
                return Err(vm.new_type_error("sort() takes no positional arguments"));
            }
            let (key, reverse) = options("sort", args, vm)?;
            sort_list(list, key, reverse, vm)?;
            Ok(vm.ctx.none())
        },
    );
    let sorted = vm.new_function(
        "sorted",
        |mut args: FuncArgs, vm: &VirtualMachine| -> PyResult<PyListRef> {
            if args.args.len() != 1 {
                return Err(vm.new_type_error(format!(
                    "sorted expected 1 argument, got {}",
                    args.args.len()
                )));
            }
            let iterable = args.args.remove(0);
            let (key, reverse) = options("sorted", args, vm)?;
            // The copy of a sized input is one allocation: reserved first.
            let sized = iterable
                .downcast_ref::<PyList>()
                .map(|l| l.borrow_vec().len())
                .or_else(|| {
                    iterable
                        .downcast_ref::<rustpython_vm::builtins::PyTuple>()
                        .map(|t| t.len())
                });
            if let Some(n) = sized {
                reserve_items(n, size_of::<PyObjectRef>(), vm)?;
            }
            let items = Vec::<PyObjectRef>::try_from_object(vm, iterable)?;
            let list = PyList::from(items).into_ref(&vm.ctx);
            sort_list(&list, key, reverse, vm)?;
            Ok(list)
        },
    );
    super::patch::replace_builtin(vm, "sorted", |_| sorted.into())
}

/// The keyword-only `key` and `reverse` of both functions.
fn options(
    name: &str,
    mut args: FuncArgs,
    vm: &VirtualMachine,
) -> PyResult<(Option<PyObjectRef>, bool)> {
    let key = args.kwargs.swap_remove("key").filter(|k| !vm.is_none(k));
    let reverse = match args.kwargs.swap_remove("reverse") {
        Some(r) => bool::try_from_object(vm, r)?,
        None => false,
    };
    if let Some(unexpected) = args.kwargs.keys().next() {
        return Err(vm.new_type_error(format!(
            "{name}() got an unexpected keyword argument '{unexpected}'"
        )));
    }
    Ok((key, reverse))
}

/// Sorts `list` in place. The items are taken out for the duration (the list
/// is empty meanwhile, as in CPython), put back in their new order (or, after
/// an error, in some permutation of the old), and whatever the guest put in the
/// list meanwhile is dropped after the list is unlocked.
pub(crate) fn sort_list(
    list: &PyList,
    key: Option<PyObjectRef>,
    reverse: bool,
    vm: &VirtualMachine,
) -> PyResult<()> {
    let mut items = std::mem::take(&mut *list.borrow_vec_mut());
    let result = sort_items(&mut items, key, reverse, vm);
    let mutated = {
        let mut guard = list.borrow_vec_mut();
        let mutated = !guard.is_empty() || guard.capacity() != 0;
        std::mem::swap(&mut *guard, &mut items);
        mutated
    };
    drop(items);
    result?;
    if mutated {
        return Err(vm.new_value_error("list modified during sort"));
    }
    Ok(())
}

fn sort_items(
    items: &mut Vec<PyObjectRef>,
    key: Option<PyObjectRef>,
    reverse: bool,
    vm: &VirtualMachine,
) -> PyResult<()> {
    // `a` goes after `b` when `b < a` (ascending) or `a < b` (descending): equal
    // items never move past each other either way.
    let after = |a: &PyObjectRef, b: &PyObjectRef| -> PyResult<bool> {
        fuel::charge_native(vm)?;
        if reverse {
            a.rich_compare_bool(b, PyComparisonOp::Lt, vm)
        } else {
            b.rich_compare_bool(a, PyComparisonOp::Lt, vm)
        }
    };
    // What the sort allocates besides the items, reserved before it starts
    // (SPEC §5.6): the (item, key) pairs, and the copy of a left run a merge
    // makes (at most half of what it sorts).
    let Some(key) = key else {
        reserve_items(items.len() / 2, size_of::<PyObjectRef>(), vm)?;
        return merge_sort(items, &after);
    };
    let pair = size_of::<(PyObjectRef, PyObjectRef)>();
    reserve_items(items.len().saturating_add(items.len() / 2), pair, vm)?;
    let mut pairs = Vec::with_capacity(items.len());
    for item in items.iter() {
        fuel::charge_native(vm)?;
        pairs.push((item.clone(), key.call((item.clone(),), vm)?));
    }
    let result = merge_sort(&mut pairs, &|a, b| after(&a.1, &b.1));
    // `pairs` holds every item (sorted, or permuted by a failed comparison).
    items.clear();
    items.extend(pairs.into_iter().map(|(item, _)| item));
    result
}

/// Reserves room for `n` slots of `size` bytes (`meter::reserve`).
fn reserve_items(n: usize, size: usize, vm: &VirtualMachine) -> PyResult<()> {
    super::meter::reserve(n as f64 * size as f64, "sorting", vm)
}

/// A stable merge sort of natural runs with a fallible comparison (`after(a,
/// b)`: `a` belongs after `b`). On error, `v` holds a permutation of its items.
fn merge_sort<T: Clone, E>(
    v: &mut [T],
    after: &impl Fn(&T, &T) -> Result<bool, E>,
) -> Result<(), E> {
    let n = v.len();
    if n < 2 {
        return Ok(());
    }
    // Cut `v` into sorted runs: the longest non-descending or strictly
    // descending (then reversed, which keeps it stable) prefix, extended to
    // `MIN_RUN` items by binary insertion.
    let mut bounds = vec![0];
    let mut start = 0;
    while start < n {
        let mut end = start + 1;
        if end < n {
            if after(&v[start], &v[end])? {
                while end + 1 < n && after(&v[end], &v[end + 1])? {
                    end += 1;
                }
                end += 1;
                v[start..end].reverse();
            } else {
                while end + 1 < n && !after(&v[end], &v[end + 1])? {
                    end += 1;
                }
                end += 1;
            }
        }
        let extended = (start + MIN_RUN).min(n);
        while end < extended {
            insert(&mut v[start..=end], after)?;
            end += 1;
        }
        bounds.push(end);
        start = end;
    }
    // Merge neighbouring runs pairwise until one is left: each item takes part
    // in log2(runs) merges.
    while bounds.len() > 2 {
        let mut merged = Vec::with_capacity(bounds.len() / 2 + 2);
        merged.push(0);
        let mut i = 0;
        while i + 2 < bounds.len() {
            merge(
                &mut v[bounds[i]..bounds[i + 2]],
                bounds[i + 1] - bounds[i],
                after,
            )?;
            merged.push(bounds[i + 2]);
            i += 2;
        }
        if i + 1 < bounds.len() {
            // An odd run out: it waits for the next round.
            merged.push(bounds[i + 1]);
        }
        bounds = merged;
    }
    Ok(())
}

/// Moves the last item of `run` into place in the sorted rest, after every item
/// it does not belong before (binary search: stable).
fn insert<T, E>(run: &mut [T], after: &impl Fn(&T, &T) -> Result<bool, E>) -> Result<(), E> {
    let last = run.len() - 1;
    let (mut lo, mut hi) = (0, last);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if after(&run[mid], &run[last])? {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    run[lo..].rotate_right(1);
    Ok(())
}

/// Merges the sorted `v[..mid]` and `v[mid..]`, taking from the right only an
/// item that belongs before the left one (stable). The left run is copied out;
/// if a comparison fails, its remaining items fill the gap it left, so `v`
/// holds each item once.
fn merge<T: Clone, E>(
    v: &mut [T],
    mid: usize,
    after: &impl Fn(&T, &T) -> Result<bool, E>,
) -> Result<(), E> {
    let left: Vec<T> = v[..mid].to_vec();
    let (mut i, mut j, mut k) = (0, mid, 0);
    while i < left.len() && j < v.len() {
        match after(&left[i], &v[j]) {
            Ok(true) => {
                v[k] = v[j].clone();
                j += 1;
            }
            Ok(false) => {
                v[k] = left[i].clone();
                i += 1;
            }
            Err(e) => {
                v[k..j].clone_from_slice(&left[i..]);
                return Err(e);
            }
        }
        k += 1;
    }
    // Whatever is left of the right run is already in place.
    v[k..k + left.len() - i].clone_from_slice(&left[i..]);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::merge_sort;

    /// A small deterministic generator (no `rand` dependency).
    fn numbers(seed: u64, n: usize, range: u64) -> Vec<u64> {
        let mut x = seed | 1;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x % range
            })
            .collect()
    }

    fn comparisons(v: &mut [(u64, usize)]) -> usize {
        let count = std::cell::Cell::new(0);
        merge_sort(v, &|a: &(u64, usize), b: &(u64, usize)| {
            count.set(count.get() + 1);
            Ok::<_, ()>(a.0 > b.0)
        })
        .unwrap();
        count.get()
    }

    #[test]
    fn sorts_stably_like_the_standard_library() {
        for (seed, n, range) in [
            (1, 0, 1),
            (2, 1, 5),
            (3, 31, 4),
            (4, 33, 1000),
            (5, 1000, 3),
        ]
        .into_iter()
        .chain((0..40).map(|s| (s + 10, (s as usize * 137) % 5000, 1 + s * 7)))
        {
            let mut v: Vec<(u64, usize)> = numbers(seed, n, range)
                .into_iter()
                .enumerate()
                .map(|(i, x)| (x, i))
                .collect();
            let mut expected = v.clone();
            expected.sort_by_key(|p| p.0); // stable
            comparisons(&mut v);
            assert_eq!(v, expected, "seed {seed}, n {n}, range {range}");
        }
    }

    #[test]
    fn comparisons_are_n_log_n_and_linear_on_runs() {
        let n = 100_000;
        let mut random: Vec<(u64, usize)> = numbers(7, n, u64::MAX)
            .into_iter()
            .map(|x| (x, 0))
            .collect();
        let c = comparisons(&mut random);
        assert!(c < n * 18, "{c} comparisons for {n} random items");
        let mut few: Vec<(u64, usize)> = numbers(8, n, 4).into_iter().map(|x| (x, 0)).collect();
        let c = comparisons(&mut few);
        assert!(c < n * 18, "{c} comparisons for {n} items of 4 values");
        let mut sorted: Vec<(u64, usize)> = (0..n as u64).map(|x| (x, 0)).collect();
        assert_eq!(comparisons(&mut sorted), n - 1);
        let mut reversed: Vec<(u64, usize)> = (0..n as u64).rev().map(|x| (x, 0)).collect();
        assert_eq!(comparisons(&mut reversed), n - 1);
        assert!(reversed.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn a_failing_comparison_leaves_a_permutation() {
        for fail_at in [0, 1, 5, 40, 300, 2000, 5000] {
            let original: Vec<u64> = numbers(fail_at as u64 + 3, 3000, 100);
            let mut v = original.clone();
            let count = std::cell::Cell::new(0);
            let r = merge_sort(&mut v, &|a: &u64, b: &u64| {
                count.set(count.get() + 1);
                if count.get() > fail_at {
                    Err(())
                } else {
                    Ok(a > b)
                }
            });
            assert!(r.is_err(), "fail_at {fail_at}");
            let (mut a, mut b) = (original, v);
            a.sort_unstable();
            b.sort_unstable();
            assert_eq!(a, b, "fail_at {fail_at}: not a permutation");
        }
    }
}
