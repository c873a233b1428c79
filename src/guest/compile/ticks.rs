//! Fuel ticks (SPEC §5.7): the per-sandbox objects the instrumentation's
//! marked constants become after code generation, each charging its weight
//! when the interpreter calls it, reads its truth or deletes its attribute.

use std::cell::RefCell;
use std::collections::HashMap;
use rustpython_vm::AsObject;
use rustpython_vm::builtins::PyStr;
use rustpython_vm::class::{PyClassImpl, StaticType};
use rustpython_vm::function::PySetterValue;
use rustpython_vm::protocol::{PyNumber, PyNumberMethods};
use rustpython_vm::types::{AsNumber, Callable, Constructor, Representable, SetAttr};
use rustpython_vm::{pyclass, Py, PyObjectRef, PyPayload, PyRef, PyResult, VirtualMachine};

thread_local! {
    /// One tick object per weight (per sandbox thread).
    static TICKS: RefCell<HashMap<u32, PyObjectRef>> = RefCell::new(HashMap::new());
}

/// The object behind every tick constant: its truth test charges its weight.
#[pyclass(module = false, name = "fuel_tick")]
#[derive(Debug, PyPayload)]
pub(crate) struct FuelTick {
    weight: u64,
}

crate::guest::patch::refuse_construction!(FuelTick);

#[pyclass(
    flags(IMMUTABLETYPE),
    with(Constructor, AsNumber, SetAttr, Callable, Representable)
)]
impl FuelTick {}

impl Callable for FuelTick {
    type Args = (PyObjectRef,);

    /// `tick(iterable)`: the iterator of a `for` loop or comprehension clause,
    /// metered: each item it gives costs the tick's weight.
    fn call(zelf: &Py<Self>, (iterable,): Self::Args, vm: &VirtualMachine) -> PyResult {
        let inner: PyObjectRef = iterable.get_iter(vm)?.into();
        let Some(next) = inner.class().slots.iternext.load() else {
            return Err(vm.new_type_error("iter() returned a non-iterator"));
        };
        Ok(crate::guest::iter::metered(inner, next, zelf.weight, vm))
    }
}

impl SetAttr for FuelTick {
    fn setattro(
        zelf: &Py<Self>,
        _name: &Py<PyStr>,
        _value: PySetterValue,
        vm: &VirtualMachine,
    ) -> PyResult<()> {
        crate::guest::meter::charge(zelf.weight, vm)?;
        crate::guest::finalize::safe_point(vm);
        Ok(())
    }
}

impl AsNumber for FuelTick {
    fn as_number() -> &'static PyNumberMethods {
        static AS_NUMBER: PyNumberMethods = PyNumberMethods {
            boolean: Some(tick_bool),
            ..PyNumberMethods::NOT_IMPLEMENTED
        };
        &AS_NUMBER
    }
}

fn tick_bool(number: PyNumber<'_>, vm: &VirtualMachine) -> PyResult<bool> {
    let weight = number
        .obj
        .downcast_ref::<FuelTick>()
        .map_or(1, |t| t.weight);
    crate::guest::meter::charge(weight, vm)?;
    crate::guest::finalize::safe_point(vm);
    Ok(true)
}

impl Representable for FuelTick {
    fn repr_str(_zelf: &Py<Self>, _vm: &VirtualMachine) -> PyResult<String> {
        Ok("<fuel tick>".to_owned())
    }
}

/// Makes the tick type (once per sandbox thread, before the type sweep).
pub(crate) fn init_types(_vm: &VirtualMachine) {
    FuelTick::make_static_type();
    crate::guest::iter::init_types();
}

pub(super) fn tick_object(weight: u32) -> PyObjectRef {
    TICKS.with(|t| {
        t.borrow_mut()
            .entry(weight)
            .or_insert_with(|| {
                PyRef::new_ref(
                    FuelTick {
                        weight: u64::from(weight),
                    },
                    FuelTick::static_type().to_owned(),
                    None,
                )
                .into()
            })
            .clone()
    })
}

/// Drops this thread's tick objects (at sandbox teardown, on its thread).
pub(crate) fn release() {
    let _ = TICKS.try_with(|t| t.borrow_mut().clear());
}
