//! Copying [`Value`]s into and out of a guest interpreter.
//!
//! Both directions run on the sandbox thread. Guest → host accepts exact data
//! types only and never runs guest code (no `__eq__`, `__hash__`, `__iter__` of a
//! guest class is called: containers are read through their native storage).
//! Host → guest builds fresh objects; hashing them while building sets and dicts
//! runs only the built-in hash of data types.

use crate::value::{CrossingError, DataLimits, Value};
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use rustpython_vm::builtins::{
    PyBytes, PyComplex, PyDict, PyFloat, PyFrozenSet, PyInt, PyList, PySet, PyStr, PyTuple,
};
use rustpython_vm::{AsObject, PyObject, PyObjectRef, PyPayload, VirtualMachine};

/// What one crossing has used of its [`DataLimits`].
struct Budget<'a> {
    limits: &'a DataLimits,
    items: usize,
    bytes: usize,
}

impl Budget<'_> {
    fn item(&mut self) -> Result<(), CrossingError> {
        self.items += 1;
        if self.items > self.limits.max_items {
            return Err(CrossingError::TooManyItems {
                limit: self.limits.max_items,
            });
        }
        Ok(())
    }

    fn bytes(&mut self, n: usize) -> Result<(), CrossingError> {
        self.bytes = self.bytes.saturating_add(n);
        if self.bytes > self.limits.max_bytes {
            return Err(CrossingError::TooLarge {
                limit: self.limits.max_bytes,
            });
        }
        Ok(())
    }

    fn depth(&self, depth: usize) -> Result<(), CrossingError> {
        if depth > self.limits.max_depth {
            return Err(CrossingError::TooDeep {
                limit: self.limits.max_depth,
            });
        }
        Ok(())
    }
}

/// Copies a guest object out as a [`Value`], or says why it is not data.
pub(crate) fn from_guest(
    obj: &PyObject,
    vm: &VirtualMachine,
    limits: &DataLimits,
) -> Result<Value, CrossingError> {
    let mut budget = Budget {
        limits,
        items: 0,
        bytes: 0,
    };
    read(obj, vm, 0, &mut budget)
}

fn read(
    obj: &PyObject,
    vm: &VirtualMachine,
    depth: usize,
    b: &mut Budget<'_>,
) -> Result<Value, CrossingError> {
    b.depth(depth)?;
    b.item()?;
    let types = &vm.ctx.types;
    let cls = obj.class();
    let exact = |t: &rustpython_vm::Py<rustpython_vm::builtins::PyType>| cls.is(t);
    if vm.is_none(obj) {
        return Ok(Value::None);
    }
    if exact(types.bool_type) {
        return Ok(Value::Bool(obj.is(&vm.ctx.true_value)));
    }
    if exact(types.int_type) {
        let i = obj
            .downcast_ref::<PyInt>()
            .ok_or_else(|| not_data(obj))?
            .as_bigint();
        let v = match i.to_i64() {
            Some(small) => BigInt::from(small),
            None => {
                let bytes = i.to_signed_bytes_le();
                b.bytes(bytes.len())?;
                BigInt::from_signed_bytes_le(&bytes)
            }
        };
        return Ok(Value::Int(v));
    }
    if exact(types.float_type) {
        let f = obj.downcast_ref::<PyFloat>().ok_or_else(|| not_data(obj))?;
        return Ok(Value::Float(f.to_f64()));
    }
    if exact(types.complex_type) {
        let c = obj
            .downcast_ref::<PyComplex>()
            .ok_or_else(|| not_data(obj))?
            .to_complex64();
        return Ok(Value::Complex { re: c.re, im: c.im });
    }
    if exact(types.str_type) {
        let s = obj.downcast_ref::<PyStr>().ok_or_else(|| not_data(obj))?;
        b.bytes(s.byte_len())?;
        return Ok(Value::Str(s.to_string_lossy().into_owned()));
    }
    if exact(types.bytes_type) {
        let s = obj.downcast_ref::<PyBytes>().ok_or_else(|| not_data(obj))?;
        b.bytes(s.as_bytes().len())?;
        return Ok(Value::Bytes(s.as_bytes().to_vec()));
    }
    if exact(types.tuple_type) {
        let t = obj.downcast_ref::<PyTuple>().ok_or_else(|| not_data(obj))?;
        return Ok(Value::Tuple(read_all(t.as_slice(), vm, depth, b)?));
    }
    if exact(types.list_type) {
        let l = obj.downcast_ref::<PyList>().ok_or_else(|| not_data(obj))?;
        // Copy the element references first: reading them cannot run guest code, but
        // holding the list's lock while recursing would be fragile.
        let items: Vec<PyObjectRef> = l.borrow_vec().to_vec();
        return Ok(Value::List(read_all(&items, vm, depth, b)?));
    }
    if exact(types.dict_type) {
        let d = obj.downcast_ref::<PyDict>().ok_or_else(|| not_data(obj))?;
        let mut pairs = Vec::with_capacity(d.__len__().min(b.limits.max_items));
        for (k, v) in d.items_vec() {
            let k = read(&k, vm, depth + 1, b)?;
            let v = read(&v, vm, depth + 1, b)?;
            pairs.push((k, v));
        }
        return Ok(Value::Dict(pairs));
    }
    if exact(types.set_type) {
        let s = obj.downcast_ref::<PySet>().ok_or_else(|| not_data(obj))?;
        return Ok(Value::Set(read_all(&s.elements(), vm, depth, b)?));
    }
    if exact(types.frozenset_type) {
        let s = obj
            .downcast_ref::<PyFrozenSet>()
            .ok_or_else(|| not_data(obj))?;
        return Ok(Value::FrozenSet(read_all(&s.elements(), vm, depth, b)?));
    }
    super::proxy::cap_from_guest(obj, vm).ok_or_else(|| not_data(obj))
}

fn read_all(
    items: &[PyObjectRef],
    vm: &VirtualMachine,
    depth: usize,
    b: &mut Budget<'_>,
) -> Result<Vec<Value>, CrossingError> {
    items.iter().map(|o| read(o, vm, depth + 1, b)).collect()
}

fn not_data(obj: &PyObject) -> CrossingError {
    // The type's own name slot, not `__name__` looked up through the guest's
    // metaclass: reading it runs no guest code.
    CrossingError::NotData {
        type_name: obj.class().name().to_string(),
    }
}

/// Checks a host value against the limits before it is sent to a guest, so an
/// oversized value is refused on the host side without touching the sandbox.
pub(crate) fn check_host_value(value: &Value, limits: &DataLimits) -> Result<(), CrossingError> {
    walk(
        value,
        0,
        &mut Budget {
            limits,
            items: 0,
            bytes: 0,
        },
    )
}

/// Counts `v` (at `depth`) against the budget.
fn walk(v: &Value, depth: usize, b: &mut Budget<'_>) -> Result<(), CrossingError> {
    b.depth(depth)?;
    b.item()?;
    match v {
        Value::Str(s) => b.bytes(s.len()),
        Value::Bytes(s) => b.bytes(s.len()),
        Value::Int(i) => b.bytes((i.bits() / 8) as usize),
        Value::Tuple(v) | Value::List(v) | Value::Set(v) | Value::FrozenSet(v) => {
            v.iter().try_for_each(|x| walk(x, depth + 1, b))
        }
        Value::Dict(pairs) => pairs.iter().try_for_each(|(k, x)| {
            walk(k, depth + 1, b)?;
            walk(x, depth + 1, b)
        }),
        Value::None
        | Value::Bool(_)
        | Value::Float(_)
        | Value::Complex { .. }
        | Value::Cap(_) => Ok(()),
    }
}

/// A call's arguments from the host (or another sandbox) to a guest, checked
/// as one value against `limits`: the positional ones, then each keyword's
/// name (one item, its bytes) and value. A call cannot pass more than one
/// value could, however its arguments are spread.
pub(crate) fn check_host_call(
    args: &[Value],
    kwargs: &[(String, Value)],
    limits: &DataLimits,
) -> Result<(), CrossingError> {
    let mut budget = Budget {
        limits,
        items: 0,
        bytes: 0,
    };
    budget.item()?; // the arguments' tuple
    for a in args {
        walk(a, 1, &mut budget)?;
    }
    for (name, value) in kwargs {
        budget.item()?;
        budget.bytes(name.len())?;
        walk(value, 1, &mut budget)?;
    }
    Ok(())
}

/// A guest's call arguments, read as one value under `limits`: the
/// positional ones, then each keyword's name (one item, its bytes) and value.
pub(crate) fn call_from_guest(
    args: &[PyObjectRef],
    kwargs: &[(String, PyObjectRef)],
    vm: &VirtualMachine,
    limits: &DataLimits,
) -> Result<(Vec<Value>, Vec<(String, Value)>), CrossingError> {
    let mut budget = Budget {
        limits,
        items: 0,
        bytes: 0,
    };
    budget.item()?; // the arguments' tuple
    let positional = args
        .iter()
        .map(|a| read(a, vm, 1, &mut budget))
        .collect::<Result<Vec<_>, _>>()?;
    let mut keywords = Vec::with_capacity(kwargs.len().min(4096));
    for (name, value) in kwargs {
        budget.item()?;
        budget.bytes(name.len())?;
        keywords.push((name.clone(), read(value, vm, 1, &mut budget)?));
    }
    Ok((positional, keywords))
}

/// Builds a fresh guest object from a host value (already checked by
/// [`check_host_value`]).
pub(crate) fn to_guest(value: &Value, vm: &VirtualMachine) -> Result<PyObjectRef, CrossingError> {
    let ctx = &vm.ctx;
    Ok(match value {
        Value::None => vm.ctx.none(),
        Value::Bool(b) => ctx.new_bool(*b).into(),
        Value::Int(i) => match i.to_i64() {
            Some(small) => ctx.new_int(small).into(),
            None => {
                let big = malachite_bigint::BigInt::from_signed_bytes_le(&i.to_signed_bytes_le());
                ctx.new_bigint(&big).into()
            }
        },
        Value::Float(f) => ctx.new_float(*f).into(),
        Value::Complex { re, im } => ctx
            .new_complex(num_complex::Complex64::new(*re, *im))
            .into(),
        Value::Str(s) => ctx.new_str(s.as_str()).into(),
        Value::Cap(c) => super::proxy::cap_to_guest(c, vm)?,
        Value::Bytes(b) => ctx.new_bytes(b.clone()).into(),
        Value::Tuple(v) => ctx.new_tuple(to_guest_all(v, vm)?).into(),
        Value::List(v) => ctx.new_list(to_guest_all(v, vm)?).into(),
        Value::Dict(pairs) => {
            let d = ctx.new_dict();
            for (k, v) in pairs {
                let k = to_guest(k, vm)?;
                let v = to_guest(v, vm)?;
                d.set_item(&*k, v, vm)
                    .map_err(|_| CrossingError::Unhashable {
                        type_name: k.class().name().to_string(),
                    })?;
            }
            d.into()
        }
        Value::Set(v) => {
            let s = PySet::default().into_ref(ctx);
            for item in to_guest_all(v, vm)? {
                let type_name = item.class().name().to_string();
                s.add(item, vm)
                    .map_err(|_| CrossingError::Unhashable { type_name })?;
            }
            s.into()
        }
        Value::FrozenSet(v) => {
            let items = to_guest_all(v, vm)?;
            let unhashable = items
                .iter()
                .find(|o| o.hash(vm).is_err())
                .map(|o| o.class().name().to_string());
            if let Some(type_name) = unhashable {
                return Err(CrossingError::Unhashable { type_name });
            }
            PyFrozenSet::from_iter(vm, items)
                .map_err(|_| CrossingError::Unhashable {
                    type_name: "frozenset element".into(),
                })?
                .into_ref(ctx)
                .into()
        }
    })
}

fn to_guest_all(v: &[Value], vm: &VirtualMachine) -> Result<Vec<PyObjectRef>, CrossingError> {
    v.iter().map(|x| to_guest(x, vm)).collect()
}
