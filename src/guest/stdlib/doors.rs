//! The doors a policy grants, as library code and guests reach them (SPEC
//! §4.6): the clock behind the `time` stand-in (and so `datetime`), the
//! entropy behind `os.urandom` and `random`'s seeding, and the guest's own
//! `sys`. Each native function here reads only what the sandbox's policy put
//! in [`Doors`]; with nothing granted, it raises `PermissionError`.

use crate::doors::{StartedClock, SysData};
use crate::guest::meter::{charge_native, check_stopped, reserve};
use rustpython_vm::builtins::{PyDictRef, PyFloat, PyInt};
use rustpython_vm::function::FuncArgs;
use rustpython_vm::{AsObject, PyObjectRef, PyResult, VirtualMachine};
use std::time::{Duration, Instant};

/// What the sandbox's policy granted.
#[derive(Clone, Debug, Default)]
pub(crate) struct Doors {
    pub(crate) clock: Option<StartedClock>,
    pub(crate) entropy: bool,
    pub(crate) sys: Option<SysData>,
}

/// The longest single wait of a guest's `sleep` between two stop checks.
const SLEEP_SLICE: Duration = Duration::from_millis(5);

/// A door that was not granted: `PermissionError` (an `OSError`, built as one).
pub(super) fn refused(message: &str, vm: &VirtualMachine) -> rustpython_vm::builtins::PyBaseExceptionRef {
    vm.new_os_subtype_error(
        vm.ctx.exceptions.permission_error.to_owned(),
        None,
        message.to_owned(),
    )
    .upcast()
}

fn clock(vm: &VirtualMachine) -> PyResult<StartedClock> {
    super::with_library(|l| l.doors.clock.clone())
        .flatten()
        .ok_or_else(|| {
            refused(
                "no clock in this sandbox: the host grants time as a capability",
                vm,
            )
        })
}

/// `_wall_ns()`: the granted clock's time, in nanoseconds since the epoch.
fn wall_ns(vm: &VirtualMachine) -> PyResult {
    charge_native(vm)?;
    Ok(vm.ctx.new_bigint(&clock(vm)?.wall_nanos().into()).into())
}

/// `_monotonic_ns()`: nanoseconds since the sandbox started, by its clock.
fn monotonic_ns(vm: &VirtualMachine) -> PyResult {
    charge_native(vm)?;
    Ok(vm.ctx.new_bigint(&clock(vm)?.monotonic_nanos().into()).into())
}

/// `_sleep(seconds)`: waits as the clock says, in slices, ending at once when
/// the guest is stopped (its deadline, a stop, its host's interrupt).
fn sleep(seconds: PyObjectRef, vm: &VirtualMachine) -> PyResult<()> {
    charge_native(vm)?;
    // As CPython: a float (or subclass) by its value, anything else through
    // `__index__`; no guest `__float__` runs.
    let secs = if let Some(f) = seconds.downcast_ref::<PyFloat>() {
        f.to_f64()
    } else if let Some(i) = seconds.downcast_ref::<PyInt>() {
        num_traits::ToPrimitive::to_f64(i.as_bigint()).unwrap_or(f64::INFINITY)
    } else {
        match seconds.try_index_opt(vm) {
            Some(i) => num_traits::ToPrimitive::to_f64(i?.as_bigint()).unwrap_or(f64::INFINITY),
            None => {
                return Err(vm.new_type_error(format!(
                    "'{}' object cannot be interpreted as an integer or float",
                    seconds.class().name()
                )))
            }
        }
    };
    if secs.is_nan() {
        return Err(vm.new_value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(vm.new_value_error("sleep length must be non-negative"));
    }
    if secs > 9.2e9 {
        return Err(vm.new_overflow_error("timestamp too large to convert to C _PyTime_t"));
    }
    let Some(wait) = clock(vm)?.real_sleep(secs) else {
        return Ok(());
    };
    let until = Instant::now() + wait;
    loop {
        check_stopped(vm)?;
        let now = Instant::now();
        if now >= until {
            return Ok(());
        }
        std::thread::sleep((until - now).min(SLEEP_SLICE));
    }
}

/// `_urandom(n)`: `n` bytes from the operating system's random source, if
/// the policy grants entropy.
fn urandom(n: isize, vm: &VirtualMachine) -> PyResult {
    charge_native(vm)?;
    let granted = super::with_library(|l| l.doors.entropy).unwrap_or(false);
    if !granted {
        return Err(refused(
            "no entropy in this sandbox: the host grants randomness as a capability",
            vm,
        ));
    }
    if n < 0 {
        return Err(vm.new_value_error("negative argument not allowed"));
    }
    reserve(n as f64, "urandom()", vm)?;
    let mut bytes = vec![0u8; n as usize];
    getrandom::fill(&mut bytes)
        .map_err(|e| vm.new_os_error(format!("the host's random source failed: {e}")))?;
    Ok(vm.ctx.new_bytes(bytes).into())
}

/// What a generator seeds itself with when given no seed: 32 bytes of the
/// host's entropy if the policy grants it, else the policy's seed.
fn default_seed(vm: &VirtualMachine) -> PyResult {
    let (entropy, seed) = super::with_library(|l| (l.doors.entropy, l.random_seed)).unwrap_or((false, 0));
    if !entropy {
        return Ok(vm.ctx.new_int(seed).into());
    }
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)
        .map_err(|e| vm.new_os_error(format!("the host's random source failed: {e}")))?;
    Ok(vm
        .ctx
        .new_bigint(&malachite_bigint::BigInt::from_bytes_be(malachite_bigint::Sign::Plus, &bytes))
        .into())
}

/// The native generator (`_random.Random`, the base of `random.Random`,
/// reachable through `__mro__`) seeds itself as the stand-in does: `seed()`,
/// `seed(None)` and construction without a seed take [`default_seed`], never
/// the operating system's entropy, which the native code reads by itself.
pub(super) fn seed_natively(native: &PyObjectRef, vm: &VirtualMachine) -> PyResult<()> {
    let ty = crate::guest::patch::module_type(native, "Random", vm)?;
    crate::guest::patch::replace_method(ty, "seed", vm, |zelf, mut args, original, vm| {
        let unseeded = match args.args.first() {
            None => !args.kwargs.contains_key("n"),
            Some(a) => vm.is_none(a),
        };
        if unseeded {
            args.kwargs.swap_remove("n");
            args.args.truncate(0);
            args.args.push(default_seed(vm)?);
        }
        args.prepend_arg(zelf);
        original.call(args, vm)
    });
    // `__init__` (the slot, and the method subclasses and explicit calls
    // reach) seeds through the replaced method, as `random.Random` does.
    fn init(zelf: PyObjectRef, args: FuncArgs, vm: &VirtualMachine) -> PyResult<()> {
        vm.call_method(&zelf, "seed", args)?;
        Ok(())
    }
    ty.slots.init.store(Some(init));
    crate::guest::patch::replace_method(ty, "__init__", vm, |zelf, args, _original, vm| {
        init(zelf, args, vm)?;
        Ok(vm.ctx.none())
    });
    Ok(())
}

/// Puts the door functions stand-in `name` uses into its namespace.
pub(super) fn provide(name: &str, dict: &PyDictRef, vm: &VirtualMachine) -> PyResult<()> {
    match name {
        "time" => {
            dict.set_item("_wall_ns", vm.new_function("_wall_ns", wall_ns).into(), vm)?;
            dict.set_item(
                "_monotonic_ns",
                vm.new_function("_monotonic_ns", monotonic_ns).into(),
                vm,
            )?;
            dict.set_item("_sleep", vm.new_function("_sleep", sleep).into(), vm)?;
        }
        "os" | "_random" => {
            dict.set_item("_urandom", vm.new_function("_urandom", urandom).into(), vm)?;
            let entropy = super::with_library(|l| l.doors.entropy).unwrap_or(false);
            dict.set_item("_ENTROPY", vm.ctx.new_bool(entropy).into(), vm)?;
        }
        _ => {}
    }
    Ok(())
}

/// `sys.stdout.write(text)` (and `stderr`'s): the guest's own output.
fn write(args: FuncArgs, vm: &VirtualMachine) -> PyResult<usize> {
    let text: PyObjectRef = args
        .args
        .last()
        .cloned()
        .ok_or_else(|| vm.new_type_error("write() takes exactly one argument (0 given)"))?;
    let Some(text) = text.downcast_ref::<rustpython_vm::builtins::PyStr>() else {
        return Err(vm.new_type_error(format!(
            "write() argument must be str, not {}",
            text.class().name()
        )));
    };
    let text = text.to_string_lossy();
    crate::guest::state::write_output(&text, vm)?;
    Ok(text.chars().count())
}

/// The guest's `sys` (when the policy grants one): the host's `argv` and
/// `platform`, the interpreter's constants as data, `stdout`/`stderr` onto
/// the guest's output. Built by `py/guest_sys.py` in a namespace of its own.
pub(super) fn guest_sys(vm: &VirtualMachine, data: &SysData) -> PyResult {
    let (module, dict) = super::new_module(vm, "sys", false)?;
    for name in super::SYS_NAMES {
        // Functions that reach the interpreter's state are the library's
        // only; `implementation` is a mutable namespace the library's `sys`
        // shares, not data.
        if matches!(
            *name,
            "exc_info" | "exception" | "getsizeof" | "intern" | "implementation"
        ) {
            continue;
        }
        if let Some(v) = vm.get_attribute_opt(vm.sys_module.clone().into(), *name)? {
            dict.set_item(*name, v, vm)?;
        }
    }
    let argv: Vec<PyObjectRef> = data
        .argv
        .iter()
        .map(|a| vm.ctx.new_str(a.as_str()).into())
        .collect();
    dict.set_item("argv", vm.ctx.new_list(argv).into(), vm)?;
    dict.set_item("platform", vm.ctx.new_str(data.platform.as_str()).into(), vm)?;
    dict.set_item("_write", vm.new_function("_write", write).into(), vm)?;
    super::run_source(vm, "sys", include_str!("py/guest_sys.py"), dict)?;
    Ok(module)
}
