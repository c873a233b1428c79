//! The guest's environment inside its interpreter, set up on the sandbox thread
//! before any guest code runs: restricted builtins, the guarded `__import__`, the
//! output-capturing `print`, and the removal of escape routes from the types.

use super::interrupt::Tripwire;
use super::state::{with_state, write_output, GuestState, Printed};
use crate::policy::Policy;
use rustpython_vm::builtins::{PyDictRef, PyStr, PyStrRef, PyType};
use rustpython_vm::function::FuncArgs;
use rustpython_vm::{PyObjectRef, PyResult, VirtualMachine};
use std::collections::BTreeMap;

/// Sends what the guest prints to `sink` as it is printed.
pub(crate) fn set_output_sink(sink: std::sync::mpsc::Sender<Printed>) {
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
    let original_self_getter = super::types::harden_types(vm);
    super::state::set(GuestState {
            output: String::new(),
            sink: None,
            printed: 0,
            max_output: policy.max_output,
            // A mount brings `os`, whose file functions reach only the mounts.
            imports: {
                let mut imports = policy.imports.clone();
                if !policy.mounts.list.is_empty() {
                    imports.insert("os".to_owned());
                }
                imports
            },
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
        vm.new_function("__import__", super::stdlib::import_as_guest)
            .into(),
        vm,
    )?;
    let sealed = super::sealed::sealed_view(guest_builtins, vm);
    with_state(|s| s.guest_builtins = Some(sealed.clone()));
    globals.set_item("__builtins__", sealed, vm)?;
    Ok(())
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
    // `open` comes with a mounted directory, and reaches only the mounts.
    if super::stdlib::files_granted() {
        dict.set_item("open", vm.new_function("open", super::stdlib::open_file).into(), vm)?;
    }
    dict.set_item(
        "__import__",
        vm.new_function("__import__", super::stdlib::import).into(),
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
    let mut file = None;
    let mut flush = false;
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
            "flush" => flush = value.clone().try_to_bool(vm)?,
            "file" if vm.is_none(value) => {}
            // Any object with a `write` method, as in CPython: the guest's
            // own (an `io`-like buffer, its `sys.stdout`), or a capability
            // whose `write` its filter passes. Nothing it could not call.
            "file" => file = Some(value.clone()),
            other => {
                return Err(vm.new_type_error(format!(
                    "print() got an unexpected keyword argument '{other}'"
                )))
            }
        }
    }
    if let Some(file) = file {
        // As CPython: one `write` per argument's text, separator and end, the
        // texts made as each is written (a `str()` sees the writes before it).
        let write = |text: PyObjectRef| vm.call_method(&file, "write", (text,)).map(drop);
        for (i, obj) in args.args.iter().enumerate() {
            if i > 0 {
                write(vm.ctx.new_str(sep.as_str()).into())?;
            }
            super::digits::check_decimal_digits(obj, vm)?;
            write(obj.str(vm)?.into())?;
        }
        write(vm.ctx.new_str(end.as_str()).into())?;
        if flush {
            vm.call_method(&file, "flush", ())?;
        }
        return Ok(());
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
    // Warnings the interpreter raises itself are dropped, as library code's
    // are (`py/warnings.py`): CPython writes them to stderr, which a guest's
    // program does not print, and RustPython 0.5 emits some CPython 3.11 does
    // not (a `DeprecationWarning` for `__complex__` returning a `complex`, or
    // for `throw(type, value)`).
    let ignore_all = vm.ctx.new_tuple(vec![
        vm.ctx.new_str("ignore").into(),
        vm.ctx.none(),
        vm.ctx.exceptions.warning.to_owned().into(),
        vm.ctx.none(),
        vm.ctx.new_int(0).into(),
    ]);
    {
        let mut filters = vm.state.warnings.filters.borrow_vec_mut();
        filters.clear();
        filters.push(ignore_all.into());
    }
    vm.state
        .warnings
        .filters_version
        .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let writer: PyObjectRef = vm.new_module("<guest output>", dict, None).into();
    let sys: PyObjectRef = vm.sys_module.clone().into();
    for name in ["stdout", "stderr", "__stdout__", "__stderr__"] {
        sys.set_attr(name, writer.clone(), vm)?;
    }
    Ok(())
}
