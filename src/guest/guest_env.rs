//! The guest's environment inside its interpreter, set up on the sandbox thread
//! before any guest code runs: restricted builtins, the guarded `__import__`, the
//! output-capturing `print`, and the removal of escape routes from the types.

use super::interrupt::Tripwire;
use super::state::{with_state, GuestState};
use crate::error::GuestError;
use crate::policy::Policy;
use rustpython_vm::builtins::{PyDictRef, PyModule, PyStr, PyStrRef, PyType};
use rustpython_vm::function::{FuncArgs, PySetterValue};
use rustpython_vm::types::PyTypeFlags;
use rustpython_vm::{AsObject, Py, PyObject, PyObjectRef, PyRef, PyResult, VirtualMachine};
use std::collections::BTreeMap;
use std::sync::OnceLock;

impl GuestState {
    /// Hands printed text to the host at once: a call the host was answered
    /// for while its guest was still inside a long native operation (a
    /// deadline, a memory trip) keeps what it printed before.
    fn emit(&mut self, text: &str) {
        let sent = self
            .sink
            .as_ref()
            .is_some_and(|sink| sink.send(text.to_owned()).is_ok());
        if !sent {
            self.output.push_str(text);
        }
    }
}

/// Sends what the guest prints to `sink` as it is printed.
pub(crate) fn set_output_sink(sink: std::sync::mpsc::Sender<String>) {
    with_state(|s| s.sink = Some(sink));
}

/// Takes the output printed since the last call.
pub(crate) fn take_output() -> String {
    with_state(|s| std::mem::take(&mut s.output)).unwrap_or_default()
}

/// Makes `module` what `import name` gives this sandbox (for a module the
/// runtime builds itself, such as `pyocap`). The policy must allow the import.
pub(crate) fn provide_module(name: &str, module: PyObjectRef) {
    with_state(|s| s.modules.insert(name.to_owned(), module));
}

/// Constants kept in the builtins besides the policy's names and exception classes.
const KEPT_CONSTANTS: &[&str] = &[
    "Ellipsis",
    "NotImplemented",
    "__debug__",
    "__name__",
    "__doc__",
];

/// Sets up the guest's state in `vm`: limits, the routes to the interpreter's
/// machinery removed from the built-in types, native reports routed to the
/// guest's output.
pub(crate) fn install(vm: &VirtualMachine, policy: &Policy, tripwire: Tripwire) -> PyResult<()> {
    vm.recursion_limit.set(policy.recursion_limit);
    // RustPython reports an exception raised in `__del__` (an "unraisable" one)
    // by importing `sys` through `builtins.__import__`, and panics if that import
    // fails, as it does here. In its finalizing mode it writes the report to
    // `sys.stderr` instead, which is the guest's output (`route_native_reports`).
    vm.state
        .finalizing
        .store(true, std::sync::atomic::Ordering::Release);
    let original_self_getter = harden_types(vm);
    super::state::set(GuestState {
            output: String::new(),
            sink: None,
            printed: 0,
            max_output: policy.max_output,
            imports: policy.imports.clone(),
            modules: BTreeMap::new(),
            tripwire,
            original_self_getter,
            source_limits: (policy.max_source_bytes, policy.max_source_nesting),
            fuel_metering: policy.fuel_metering,
            original_str_methods: Vec::new(),
            guest_builtins: None,
    });
    route_native_reports(vm)?;
    Ok(())
}

/// Restricts the interpreter's builtins to the policy's and returns a copy of
/// what they were (from which the library's builtins are made).
pub(crate) fn restrict(vm: &VirtualMachine, policy: &Policy) -> PyResult<PyDictRef> {
    let original = vm.ctx.new_dict();
    for (k, v) in vm.builtins.dict().items_vec() {
        original.set_item(&*k, v, vm)?;
    }
    restrict_builtins(vm, policy)?;
    Ok(original)
}

/// The guest's globals (their builtins come with [`seal_builtins`]).
pub(crate) fn new_globals(vm: &VirtualMachine) -> PyResult<PyDictRef> {
    let globals = vm.ctx.new_dict();
    globals.set_item("__name__", vm.ctx.new_str("__main__").into(), vm)?;
    Ok(globals)
}

/// Gives the guest's globals their builtins, once every builtin the runtime
/// adds (the membrane's exception classes) is in place: a sealed mapping over
/// a copy of the restricted builtins, with an `__import__` that only ever
/// imports as the guest (the import statement calls the interpreter's own,
/// which also serves native code: see `library::import`).
pub(crate) fn seal_builtins(vm: &VirtualMachine, globals: &PyDictRef) -> PyResult<()> {
    let guest_builtins = vm.ctx.new_dict();
    for (k, v) in vm.builtins.dict().items_vec() {
        guest_builtins.set_item(&*k, v, vm)?;
    }
    guest_builtins.set_item(
        "__import__",
        vm.new_function("__import__", super::library::import_as_guest)
            .into(),
        vm,
    )?;
    let sealed = super::sealed::sealed_view(guest_builtins, vm);
    with_state(|s| s.guest_builtins = Some(sealed.clone()));
    globals.set_item("__builtins__", sealed, vm)?;
    Ok(())
}

/// Removes the routes from ordinary objects to the interpreter's machinery that
/// exist on the built-in types (these types are this sandbox thread's own).
fn harden_types(vm: &VirtualMachine) -> Option<PyObjectRef> {
    let types = &vm.ctx.types;
    // `len.__self__` is the builtins module itself, and a native module's function
    // leads to its module: replace the getter by one that hides modules.
    let name = vm.ctx.intern_str("__self__");
    let original = types
        .builtin_function_or_method_type
        .attributes
        .read()
        .get(name)
        .cloned();
    let getter = vm.ctx.new_readonly_getset(
        "__self__",
        types.builtin_function_or_method_type,
        builtin_self,
    );
    types
        .builtin_function_or_method_type
        .attributes
        .write()
        .insert(name, getter.into());
    types.builtin_function_or_method_type.modified();
    make_native_types_immutable(vm);
    original
}

type SetAttroFn = fn(&PyObject, &Py<PyStr>, PySetterValue, &VirtualMachine) -> PyResult<()>;

/// `type`'s own attribute setter, which the guard delegates to for guest classes.
static TYPE_SETATTRO: OnceLock<SetAttroFn> = OnceLock::new();

/// Makes every native type immutable, whatever its flags say (RustPython leaves
/// some, such as `slice`, mutable): attribute assignment and deletion on a type
/// that is not a heap type (a class the guest defined) are refused. Both routes
/// are guarded: the `setattro` slot (`setattr(t, ..)`, `t.x = ..`) and the
/// `type.__setattr__` / `type.__delattr__` wrappers, which captured the original
/// function.
fn make_native_types_immutable(vm: &VirtualMachine) {
    let type_type = vm.ctx.types.type_type;
    let current = type_type.slots.setattro.load();
    if let Some(original) = current {
        if original as usize != guarded_type_setattro as SetAttroFn as usize {
            let _ = TYPE_SETATTRO.set(original);
        }
    }
    type_type.slots.setattro.store(Some(guarded_type_setattro));
    let set = super::patch::typed_method(
        vm,
        "__setattr__",
        type_type,
        |zelf: PyObjectRef, name: PyStrRef, value: PyObjectRef, vm: &VirtualMachine| {
            guarded_type_setattro(&zelf, &name, PySetterValue::Assign(value), vm)
        },
    );
    let del = super::patch::typed_method(
        vm,
        "__delattr__",
        type_type,
        |zelf: PyObjectRef, name: PyStrRef, vm: &VirtualMachine| {
            guarded_type_setattro(&zelf, &name, PySetterValue::Delete, vm)
        },
    );
    let mut attrs = type_type.attributes.write();
    attrs.insert(vm.ctx.intern_str("__setattr__"), set);
    attrs.insert(vm.ctx.intern_str("__delattr__"), del);
    drop(attrs);
    type_type.modified();
    // Every field of `type` that writes a class is probed too (its own
    // `__set__` does not pass through `setattro`); `__bases__` is checked.
    let fields: Vec<&'static str> = type_type
        .attributes
        .read()
        .iter()
        .filter(|(_, v)| v.class().is(vm.ctx.types.getset_type))
        .map(|(k, _)| k.as_str())
        .collect();
    for name in fields {
        let setter: super::exclusive::Setter = if name == "__bases__" { set_bases } else { set_class_field };
        super::exclusive::replace_setter(type_type, name, setter, vm);
    }
}

/// A class whose attribute table a native operation is reading cannot be
/// written: RustPython's class creation holds the new class's table while it
/// looks up each attribute's `__set_name__`, and a lookup that ran guest code
/// (a `property`, a guest descriptor) could write to that class (found
/// through `Base.__subclasses__()`), taking the lock twice, an interpreter
/// panic. Every write to a class (`setattr`, `delattr`, `type.__setattr__`, a
/// field of `type` set by its own `__set__`) first asks for the table
/// without waiting; if a native operation holds it, the write is a
/// `RuntimeError`.
fn check_class_writable(ty: &PyType, vm: &VirtualMachine) -> PyResult<()> {
    if ty.attributes.try_write().is_none() {
        return Err(vm.new_runtime_error(format!(
            "class '{}' cannot change while the interpreter is reading it",
            ty.name()
        )));
    }
    Ok(())
}

fn set_class_field(
    obj: &PyObject,
    value: PySetterValue,
    original: &dyn Fn(PySetterValue) -> PyResult<()>,
    vm: &VirtualMachine,
) -> PyResult<()> {
    if let Some(ty) = obj.downcast_ref::<PyType>() {
        check_class_writable(ty, vm)?;
    }
    original(value)
}

/// `C.__bases__ = bases`, with what RustPython's setter lacks: the value is an
/// exact tuple (CPython's rule; any iterable let guest code run inside the
/// setter), a base that is the class or one of its subclasses is an
/// inheritance cycle (`TypeError`, as in CPython; RustPython's update of the
/// method resolution orders recursed into the class again, a lock taken
/// twice), the class leaves its old bases' subclass lists (RustPython kept it
/// there, and a later assignment met the stale entry as a cycle), and dead
/// classes' entries are dropped from the lists below it (RustPython upgraded
/// each with an `unwrap`, an interpreter panic once a subclass had died).
fn set_bases(
    obj: &PyObject,
    value: PySetterValue,
    original: &dyn Fn(PySetterValue) -> PyResult<()>,
    vm: &VirtualMachine,
) -> PyResult<()> {
    let Some(ty) = obj.downcast_ref::<PyType>() else {
        return original(value);
    };
    check_class_writable(ty, vm)?;
    let PySetterValue::Assign(bases) = &value else {
        return original(value);
    };
    let Some(tuple) = bases.downcast_ref_if_exact::<rustpython_vm::builtins::PyTuple>(vm) else {
        return Err(vm.new_type_error(format!(
            "can only assign tuple to {}.__bases__, not {}",
            ty.name(),
            bases.class().name()
        )));
    };
    for base in tuple.iter() {
        if let Some(base) = base.downcast_ref::<PyType>() {
            if base.fast_issubclass(ty.as_object()) {
                return Err(vm.new_type_error("a __bases__ item causes an inheritance cycle"));
            }
        }
    }
    if !ty.slots.flags.has_feature(PyTypeFlags::HEAPTYPE) {
        return original(value);
    }
    let old: Vec<PyRef<PyType>> = ty.bases.read().clone();
    let me = ty.as_object();
    for base in &old {
        base.subclasses
            .write()
            .retain(|w| w.upgrade().is_some_and(|s| !s.is(me)));
    }
    prune_dead_subclasses(ty);
    let outcome = original(value);
    if outcome.is_err() {
        // Nothing changed: the class goes back into its old bases' lists.
        for base in &old {
            if let Ok(weak) = me.downgrade(None, vm) {
                base.subclasses.write().push(weak);
            }
        }
    }
    outcome
}

fn guarded_type_setattro(
    obj: &PyObject,
    name: &Py<PyStr>,
    value: PySetterValue,
    vm: &VirtualMachine,
) -> PyResult<()> {
    let Some(ty) = obj.downcast_ref::<PyType>() else {
        return Err(vm.new_type_error("descriptor '__setattr__' requires a 'type' object"));
    };
    let library_loading = super::state::library_loading();
    if !ty.slots.flags.has_feature(PyTypeFlags::HEAPTYPE) && !library_loading {
        return Err(vm.new_type_error(format!(
            "cannot set '{}' attribute of immutable type '{}'",
            name.to_string_lossy(),
            ty.name()
        )));
    }
    check_class_writable(ty, vm)?;
    match TYPE_SETATTRO.get() {
        Some(original) => {
            original(obj, name, value, vm)?;
            // A `__del__` assigned to a class sets its (and its subclasses')
            // finalizer slot: deferred like every other.
            if name.as_wtf8() == "__del__" {
                super::finalize::defer_finalizers_from(ty);
            }
            Ok(())
        }
        None => Err(vm.new_type_error("type attributes cannot be set in this sandbox")),
    }
}

/// Drops the entries of dead classes from the subclass lists of `ty` and of
/// every class below it (see [`set_bases`]).
fn prune_dead_subclasses(ty: &PyType) {
    let mut stack: Vec<PyRef<PyType>> = Vec::new();
    let visit = |t: &PyType, stack: &mut Vec<PyRef<PyType>>| {
        let mut subs = t.subclasses.write();
        subs.retain(|w| w.upgrade().is_some());
        stack.extend(
            subs.iter()
                .filter_map(|w| w.upgrade())
                .filter_map(|s| s.downcast::<PyType>().ok()),
        );
    };
    visit(ty, &mut stack);
    let mut seen = std::collections::HashSet::new();
    while let Some(t) = stack.pop() {
        if seen.insert(t.get_id()) {
            visit(&t, &mut stack);
        }
    }
}

/// `builtin_function_or_method.__self__`, except that a module reads as `None`.
fn builtin_self(zelf: PyObjectRef, vm: &VirtualMachine) -> PyResult {
    let Some(getter) = with_state(|s| s.original_self_getter.clone()).flatten() else {
        return Ok(vm.ctx.none());
    };
    let descr_get = getter
        .class()
        .slots
        .descr_get
        .load()
        .ok_or_else(|| vm.new_attribute_error("__self__"))?;
    let value = descr_get(
        getter,
        Some(zelf.clone()),
        Some(zelf.class().to_owned().into()),
        vm,
    )?;
    if value.downcast_ref::<PyModule>().is_some() {
        return Ok(vm.ctx.none());
    }
    Ok(value)
}

/// Restricts the interpreter's own builtins module in place: a copied dict would
/// not do, since native functions lead back to the real module.
fn restrict_builtins(vm: &VirtualMachine, policy: &Policy) -> PyResult<()> {
    let dict = vm.builtins.dict();
    for (key, value) in dict.items_vec() {
        let Some(name) = key
            .downcast_ref::<PyStr>()
            .and_then(|s| s.to_str())
            .map(str::to_owned)
        else {
            dict.del_item(&*key, vm)?;
            continue;
        };
        let keep = policy.builtins.contains(&name)
            || KEPT_CONSTANTS.contains(&name.as_str())
            || is_public_exception_class(vm, &name, &value);
        if !keep {
            dict.del_item(&*key, vm)?;
        }
    }
    if policy.builtins.contains("print") {
        dict.set_item("print", vm.new_function("print", guest_print).into(), vm)?;
    }
    dict.set_item(
        "__import__",
        vm.new_function("__import__", super::library::import).into(),
        vm,
    )?;
    Ok(())
}

fn is_public_exception_class(vm: &VirtualMachine, name: &str, value: &PyObjectRef) -> bool {
    !name.starts_with('_')
        && value
            .downcast_ref::<PyType>()
            .is_some_and(|t| t.fast_issubclass(vm.ctx.exceptions.base_exception_type))
}

/// `print(*objects, sep=' ', end='\n', file=None, flush=False)`, writing to the
/// sandbox's output buffer. `str()` of the arguments is guest code and runs here,
/// in the guest.
fn guest_print(args: FuncArgs, vm: &VirtualMachine) -> PyResult<()> {
    let mut sep = " ".to_owned();
    let mut end = "\n".to_owned();
    for (key, value) in &args.kwargs {
        let text = |what: &str| -> PyResult<Option<String>> {
            if vm.is_none(value) {
                return Ok(None);
            }
            match value.downcast_ref::<PyStr>() {
                Some(s) => Ok(Some(s.to_string_lossy().into_owned())),
                None => Err(vm.new_type_error(format!("{what} must be None or a string"))),
            }
        };
        match key.as_str() {
            "sep" => sep = text("sep")?.unwrap_or_else(|| " ".into()),
            "end" => end = text("end")?.unwrap_or_else(|| "\n".into()),
            "flush" => {}
            "file" if vm.is_none(value) => {}
            "file" => {
                return Err(vm.new_type_error("print(file=...) is not available in this sandbox"))
            }
            other => {
                return Err(vm.new_type_error(format!(
                    "print() got an unexpected keyword argument '{other}'"
                )))
            }
        }
    }
    let mut line = String::new();
    for (i, obj) in args.args.iter().enumerate() {
        if i > 0 {
            line.push_str(&sep);
        }
        super::digits::check_decimal_digits(obj, vm)?;
        let s: PyStrRef = obj.str(vm)?;
        line.push_str(&s.to_string_lossy());
        // Stop building early when the line alone is over the budget.
        if line.len() > with_state(|s| s.max_output).unwrap_or(0) {
            break;
        }
    }
    line.push_str(&end);
    write_output(&line, vm)
}

/// Appends `text` to the guest's output under its budget: past the budget, what
/// fits is kept and the guest is stopped with `OutputLimit`.
fn write_output(text: &str, vm: &VirtualMachine) -> PyResult<()> {
    let over = with_state(|s| {
        if s.printed.saturating_add(text.len()) > s.max_output {
            let limit = s.max_output;
            let mut cut = (limit - s.printed.min(limit)).min(text.len());
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            s.emit(&text[..cut]);
            s.printed = limit;
            s.tripwire.trip(GuestError::OutputLimit { limit });
            Some(limit)
        } else {
            s.emit(text);
            s.printed += text.len();
            None
        }
    })
    .flatten();
    if over.is_some() {
        // We are on the guest's thread: stop it now rather than at the next check.
        super::interrupt::install_stop(vm);
    }
    match over {
        Some(limit) => Err(vm.new_runtime_error(format!("output limit of {limit} bytes exceeded"))),
        None => Ok(()),
    }
}

/// Points the interpreter's own `sys.stdout` and `sys.stderr` (and their
/// `__stdout__`/`__stderr__`) at the guest's output. RustPython writes what it
/// reports natively there (warnings such as `complex()`'s `DeprecationWarning`,
/// exceptions ignored in `__del__`), and when they are not writable it falls
/// back to `eprint!`: onto the host process's own stderr, outside any budget.
/// Routed here, every such report is guest output, counted against
/// `Policy::max_output`; the guest cannot reach this `sys` (it is not
/// importable, and library code gets a stand-in).
fn route_native_reports(vm: &VirtualMachine) -> PyResult<()> {
    let dict = vm.ctx.new_dict();
    dict.set_item(
        "write",
        vm.new_function("write", |text: PyStrRef, vm: &VirtualMachine| {
            let text = text.to_string_lossy();
            write_output(&text, vm).map(|()| text.len())
        })
        .into(),
        vm,
    )?;
    dict.set_item(
        "flush",
        vm.new_function("flush", || {}).into(),
        vm,
    )?;
    let writer: PyObjectRef = vm.new_module("<guest output>", dict, None).into();
    let sys: PyObjectRef = vm.sys_module.clone().into();
    for name in ["stdout", "stderr", "__stdout__", "__stderr__"] {
        sys.set_attr(name, writer.clone(), vm)?;
    }
    Ok(())
}
