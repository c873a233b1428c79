//! Sealed mappings (SPEC §3.4, §4.1): read-only views of a dict, the guest's
//! builtins and the modules it imports are seen through.

use rustpython_vm::builtins::PyDictRef;
use rustpython_vm::function::OptionalArg;
use rustpython_vm::class::PyClassImpl;
use rustpython_vm::protocol::{PyMappingMethods, PySequenceMethods};
use rustpython_vm::types::{AsMapping, AsSequence, Constructor, Iterable, Representable};
use rustpython_vm::{
    atomic_func, pyclass, Py, PyObjectRef, PyPayload, PyRef, PyResult,
    VirtualMachine,
};
use std::sync::LazyLock;

/// Makes the sealed mapping type (once per sandbox thread, before the sweep).
pub(crate) fn init_types() {
    SealedDict::make_static_type();
}

/// A read-only view of a dict: lookups, `in`, `len`, iteration and copies, and no
/// way to reach or change the dict behind it (comparisons are by identity, so a
/// guest `__eq__` never receives the dict).
#[pyclass(module = false, name = "sealed_mapping")]
#[derive(Debug, PyPayload)]
pub(crate) struct SealedDict {
    dict: PyDictRef,
}

/// The dict behind a sealed view (for the runtime's own use).
pub(crate) fn sealed_dict(view: &PyObjectRef) -> Option<PyDictRef> {
    view.downcast_ref::<SealedDict>().map(|v| v.dict.clone())
}

/// A read-only view of `dict` for the guest.
pub(crate) fn sealed_view(dict: PyDictRef, vm: &VirtualMachine) -> PyObjectRef {
    SealedDict { dict }.into_ref(&vm.ctx).into()
}

super::patch::refuse_construction!(SealedDict);

#[pyclass(
    flags(IMMUTABLETYPE),
    with(Constructor, AsMapping, AsSequence, Iterable, Representable)
)]
impl SealedDict {
    #[pymethod]
    fn get(&self, key: PyObjectRef, default: OptionalArg, vm: &VirtualMachine) -> PyResult {
        Ok(self
            .dict
            .get_item_opt(&*key, vm)?
            .unwrap_or_else(|| default.unwrap_or_none(vm)))
    }

    #[pymethod]
    fn keys(&self, vm: &VirtualMachine) -> PyObjectRef {
        vm.ctx
            .new_list(self.dict.items_vec().into_iter().map(|(k, _)| k).collect())
            .into()
    }

    #[pymethod]
    fn values(&self, vm: &VirtualMachine) -> PyObjectRef {
        vm.ctx
            .new_list(self.dict.items_vec().into_iter().map(|(_, v)| v).collect())
            .into()
    }

    #[pymethod]
    fn items(&self, vm: &VirtualMachine) -> PyObjectRef {
        let items = self
            .dict
            .items_vec()
            .into_iter()
            .map(|(k, v)| vm.ctx.new_tuple(vec![k, v]).into())
            .collect();
        vm.ctx.new_list(items).into()
    }

    #[pymethod]
    fn copy(&self, vm: &VirtualMachine) -> PyResult {
        let d = vm.ctx.new_dict();
        for (k, v) in self.dict.items_vec() {
            d.set_item(&*k, v, vm)?;
        }
        Ok(d.into())
    }
}

impl SealedDict {
    fn __getitem__(&self, key: PyObjectRef, vm: &VirtualMachine) -> PyResult {
        self.dict
            .get_item_opt(&*key, vm)?
            .ok_or_else(|| vm.new_key_error(key))
    }

    fn __contains__(&self, key: PyObjectRef, vm: &VirtualMachine) -> PyResult<bool> {
        Ok(self.dict.contains_key(&*key, vm))
    }

    fn __len__(&self) -> usize {
        self.dict.__len__()
    }
}

impl AsMapping for SealedDict {
    fn as_mapping() -> &'static PyMappingMethods {
        static AS_MAPPING: LazyLock<PyMappingMethods> = LazyLock::new(|| PyMappingMethods {
            length: atomic_func!(|m, _vm| Ok(SealedDict::mapping_downcast(m).__len__())),
            subscript: atomic_func!(
                |m, key, vm| SealedDict::mapping_downcast(m).__getitem__(key.to_owned(), vm)
            ),
            ..PyMappingMethods::NOT_IMPLEMENTED
        });
        &AS_MAPPING
    }
}

impl AsSequence for SealedDict {
    fn as_sequence() -> &'static PySequenceMethods {
        static AS_SEQUENCE: LazyLock<PySequenceMethods> = LazyLock::new(|| PySequenceMethods {
            length: atomic_func!(|s, _vm| Ok(SealedDict::sequence_downcast(s).__len__())),
            contains: atomic_func!(
                |s, key, vm| SealedDict::sequence_downcast(s).__contains__(key.to_owned(), vm)
            ),
            ..PySequenceMethods::NOT_IMPLEMENTED
        });
        &AS_SEQUENCE
    }
}

impl Iterable for SealedDict {
    fn iter(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyResult {
        zelf.keys(vm).get_iter(vm).map(Into::into)
    }
}

impl Representable for SealedDict {
    fn repr_str(_zelf: &Py<Self>, _vm: &VirtualMachine) -> PyResult<String> {
        Ok("<sealed mapping>".to_owned())
    }
}
