//! The guest's view of a module (SPEC §4.2): a sealed, read-only object
//! holding the module's public API, never the module or its namespace.

use rustpython_vm::builtins::{PyList, PyModule, PyStr, PyStrRef};
use rustpython_vm::class::{PyClassImpl, StaticType};
use rustpython_vm::function::PySetterValue;
use rustpython_vm::types::{Constructor, GetAttr, Representable, SetAttr};
use rustpython_vm::{pyclass, AsObject, Py, PyObjectRef, PyPayload, PyResult, VirtualMachine};

/// A sealed, read-only view of a module for guests: its public API (its
/// `__all__` if it has one, else its names that do not start with `_`),
/// never a module, never the module's namespace.
#[pyclass(module = false, name = "module_view")]
#[derive(Debug, PyPayload)]
pub(crate) struct ModuleView {
    pub(super) name: String,
}

crate::guest::patch::refuse_construction!(ModuleView);

#[pyclass(
    flags(IMMUTABLETYPE, HAS_DICT),
    with(Constructor, GetAttr, SetAttr, Representable)
)]
impl ModuleView {
    #[pymethod]
    fn __dir__(zelf: PyObjectRef, vm: &VirtualMachine) -> PyResult<Vec<PyObjectRef>> {
        let dict = zelf.dict().ok_or_else(|| vm.new_type_error("no names"))?;
        Ok(dict.items_vec().into_iter().map(|(k, _)| k).collect())
    }
}

impl GetAttr for ModuleView {
    /// The ordinary lookup; a submodule that is part of the package
    /// (`collections.abc`); and CPython's words for a missing name.
    fn getattro(zelf: &Py<Self>, name: &Py<PyStr>, vm: &VirtualMachine) -> PyResult {
        if let Some(found) = zelf.as_object().generic_getattr_opt(name, None, vm)? {
            return Ok(found);
        }
        if let Some(part) = super::package_part(vm, &zelf.name, &name.to_string_lossy()) {
            return part;
        }
        Err(vm.new_attribute_error(format!(
            "module '{}' has no attribute '{}'",
            zelf.name,
            name.to_string_lossy()
        )))
    }
}

impl SetAttr for ModuleView {
    fn setattro(
        zelf: &Py<Self>,
        name: &Py<PyStr>,
        _value: PySetterValue,
        vm: &VirtualMachine,
    ) -> PyResult<()> {
        Err(vm.new_attribute_error(format!(
            "module '{}' is read-only in this sandbox (cannot set '{}')",
            zelf.name,
            name.to_string_lossy()
        )))
    }
}

impl Representable for ModuleView {
    fn repr_str(zelf: &Py<Self>, _vm: &VirtualMachine) -> PyResult<String> {
        Ok(format!("<module '{}'>", zelf.name))
    }
}

/// Makes the view type (once per sandbox thread) and hides its `__dict__`.
pub(crate) fn init_types(vm: &VirtualMachine) {
    let ty = ModuleView::make_static_type();
    let name = vm.ctx.intern_str("__dict__");
    ty.attributes.write().shift_remove(name);
    ty.modified();
}

/// The guest's view of `module` (a module object, or a module provided by the
/// runtime).
pub(crate) fn module_view(vm: &VirtualMachine, name: &str, module: &PyObjectRef) -> PyResult {
    let Some(m) = module.downcast_ref::<PyModule>() else {
        return Ok(module.clone());
    };
    let source = m.dict();
    let names: Vec<String> = match source.get_item_opt("__all__", vm)? {
        Some(all) => {
            let items: Vec<PyStrRef> = all.try_to_value(vm)?;
            items
                .iter()
                .filter_map(|s| s.to_str().map(str::to_owned))
                .collect()
        }
        None => source
            .items_vec()
            .into_iter()
            .filter_map(|(k, _)| {
                k.downcast_ref::<PyStr>()
                    .and_then(|s| s.to_str())
                    .map(str::to_owned)
            })
            .filter(|k| !k.starts_with('_'))
            .collect(),
    };
    let view = ModuleView {
        name: name.to_owned(),
    }
    .into_ref_with_type(vm, ModuleView::static_type().to_owned())?;
    let dict = view
        .as_object()
        .dict()
        .ok_or_else(|| vm.new_runtime_error("module views have a namespace"))?;
    let mut exported = Vec::new();
    for key in &names {
        // A name of `__all__` the module makes on demand (PEP 562: `typing`'s
        // `ForwardRef`) is made now, by the module's own `__getattr__`.
        let value = match source.get_item_opt(key.as_str(), vm)? {
            Some(v) => Some(v),
            None if source.contains_key("__getattr__", vm) => {
                let attr = vm.ctx.new_str(key.as_str());
                vm.get_attribute_opt(module.clone(), &*attr)?
            }
            None => None,
        };
        let Some(value) = value else {
            continue;
        };
        // A view never hands out a module (a module's imports are its own).
        if value.downcast_ref::<PyModule>().is_some()
            || value.downcast_ref::<ModuleView>().is_some()
        {
            continue;
        }
        dict.set_item(key.as_str(), value, vm)?;
        exported.push(vm.ctx.new_str(key.as_str()).into());
    }
    dict.set_item("__name__", vm.ctx.new_str(name).into(), vm)?;
    dict.set_item(
        "__all__",
        PyList::from(exported).into_ref(&vm.ctx).into(),
        vm,
    )?;
    if let Some(doc) = source.get_item_opt("__doc__", vm)? {
        if doc.downcast_ref::<PyStr>().is_some() {
            dict.set_item("__doc__", doc, vm)?;
        }
    }
    Ok(view.into())
}
