//! The sweep (SPEC §4.3): every per-type patch applied to every native type
//! of the sandbox thread not seen yet — all of them at set-up, and after a
//! library import the types it created. Classes the guest defines get the
//! construction refusal and deterministic identities at each sweep.

use std::collections::HashSet;
use rustpython_vm::builtins::{PyType, PyTypeRef};
use rustpython_vm::types::PyTypeFlags;
use rustpython_vm::{Py, VirtualMachine};
use super::bounds::meter_repr;
use super::types::{refuse_foreign_construction, replace_debug_repr, restrict};

thread_local! {
    /// Native types already reduced to their allowlist on this thread.
    static DONE: std::cell::RefCell<HashSet<usize>> = std::cell::RefCell::new(HashSet::new());
}

/// Applies the allowlists to every native type of this thread not seen yet
/// (all of them the first time; after a library import, the types it created).
pub(crate) fn sweep(vm: &VirtualMachine) {
    let mut stack: Vec<PyTypeRef> = vec![vm.ctx.types.object_type.to_owned()];
    let mut seen = HashSet::new();
    while let Some(ty) = stack.pop() {
        let addr = &*ty as *const Py<PyType> as usize;
        if !seen.insert(addr) {
            continue;
        }
        for sub in ty.subclasses.read().iter() {
            if let Some(sub) = sub.upgrade() {
                if let Ok(sub) = sub.downcast::<PyType>() {
                    stack.push(sub);
                }
            }
        }
        if ty.slots.flags.has_feature(PyTypeFlags::HEAPTYPE) {
            refuse_foreign_construction(vm, &ty);
            super::identity::replace_inherited(vm, &ty);
            super::dispatch::count(&ty);
            continue;
        }
        let fresh = DONE.with(|d| d.borrow_mut().insert(addr));
        if fresh {
            refuse_foreign_construction(vm, &ty);
            super::identity::replace_inherited(vm, &ty);
            replace_debug_repr(vm, &ty);
            restrict(vm, &ty);
            meter_repr(vm, &ty);
            super::iter::meter_iteration(vm, &ty);
            super::calls::count_calls(vm, &ty);
            super::dispatch::count_descriptors(vm, &ty);
            super::finalize::defer_finalizer(&ty);
        }
    }
}
