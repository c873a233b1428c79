//! CPython's words for errors the interpreter raises in its own (SPEC §4.5),
//! applied where guest code sees an exception: on entry to each of its
//! `except` handlers (the compile pipeline puts a call to
//! [`handler_object`] first in every handler body) and when an exception
//! leaves the sandbox ([`conform`], from the membrane, with the exceptions
//! chained to it). Only messages of exact built-in error classes whose
//! arguments are one `str` are reworded, and only where the interpreter's
//! words say all CPython's say (no context is guessed).

use rustpython_vm::builtins::{PyBaseExceptionRef, PyStr, PyTuple};
use rustpython_vm::class::{PyClassImpl, StaticType};
use rustpython_vm::types::{Callable, Constructor, Representable};
use rustpython_vm::{
    pyclass, AsObject, Py, PyObjectRef, PyPayload, PyRef, PyResult, VirtualMachine,
};

/// The longest message looked at: the interpreter's own are short, and a
/// guest's long one must not cost a scan at every handler.
const MAX_REWORDED: usize = 1024;

/// CPython's words for `message` of a `kind` error, if they differ.
fn reword(kind: &str, message: &str) -> Option<String> {
    if message.len() > MAX_REWORDED {
        return None;
    }
    // Some messages carry their own class name in front (once).
    match message.strip_prefix(kind).and_then(|r| r.strip_prefix(": ")) {
        Some(rest) => Some(table(kind, rest).unwrap_or_else(|| rest.to_owned())),
        None => table(kind, message),
    }
}

/// The table of rewordings (no recursion: `reword` strips a prefix first).
fn table(kind: &str, m: &str) -> Option<String> {
    let fixed = |s: &str| Some(s.to_owned());
    match kind {
        "ValueError" => {
            for f in ["max", "min"] {
                if m == format!("{f}() iterable argument is empty") {
                    return Some(format!("{f}() arg is an empty sequence"));
                }
            }
            match m {
                "slice step cannot be zero." => return fixed("slice step cannot be zero"),
                "maxlen must be non-negative." => return fixed("maxlen must be non-negative"),
                "the two maketrans arguments must have equal length" => {
                    return fixed("maketrans arguments must have same length")
                }
                _ => {}
            }
            // `too many values to unpack (expected 2, got 3)`: 3.11 names no count.
            if let Some(rest) = m.strip_prefix("too many values to unpack (expected ") {
                let (n, got) = rest.split_once(", got ")?;
                let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
                if digits(n) && got.strip_suffix(')').is_some_and(digits) {
                    return Some(format!("too many values to unpack (expected {n})"));
                }
            }
            if m.starts_with("month must be in 1..12, not ") {
                return fixed("month must be in 1..12");
            }
            // The library's `json` is CPython 3.13's, which names the value.
            let json = "Out of range float values are not JSON compliant";
            if m.starts_with(json) && m.len() > json.len() {
                return fixed(json);
            }
            None
        }
        "TypeError" => {
            if let Some(name) = m.strip_suffix("' does not support item assignment") {
                if name.starts_with('\'') && !name.ends_with(" object") {
                    return Some(format!("{name}' object does not support item assignment"));
                }
            }
            for conv in ["d", "i", "u"] {
                let ours = format!("%{conv} format: a number is required, not ");
                if let Some(t) = m.strip_prefix(&ours) {
                    return Some(format!("%{conv} format: a real number is required, not {t}"));
                }
            }
            if let Some(rest) = m.strip_prefix("unsupported operand type(s) for divmod: ") {
                return Some(format!("unsupported operand type(s) for divmod(): {rest}"));
            }
            if let Some(t) = m.strip_prefix("float() argument must be a string or a number, not ") {
                return Some(format!("float() argument must be a string or a real number, not {t}"));
            }
            let isinstance = "isinstance() arg 2 must be a type, a tuple of types, or a union";
            if m.starts_with(isinstance) && m.len() > isinstance.len() {
                return fixed(isinstance);
            }
            // `Shape()` of an abstract class.
            if let Some(rest) = m.strip_prefix("class ") {
                if let Some((class, methods)) = rest.split_once(" without an implementation for abstract method") {
                    let mut names: Vec<&str> = methods
                        .trim_start_matches('s')
                        .trim_start()
                        .split(", ")
                        .map(|n| n.trim_matches('\''))
                        .collect();
                    // CPython lists them sorted.
                    names.sort_unstable();
                    let plural = if names.len() > 1 { "s" } else { "" };
                    return Some(format!(
                        "Can't instantiate abstract class {class} with abstract method{plural} {}",
                        names.join(", ")
                    ));
                }
            }
            if m == "cannot compare naive and aware datetimes" {
                return fixed("can't compare offset-naive and offset-aware datetimes");
            }
            let generic = " indices must be integers or slices or classes that override __index__ operator, not '";
            if let Some((what, t)) = m.split_once(generic) {
                let t = t.strip_suffix('\'')?;
                return match what {
                    "str" => Some(format!("string indices must be integers, not '{t}'")),
                    "list" | "tuple" | "byte" | "range" => {
                        Some(format!("{what} indices must be integers or slices, not {t}"))
                    }
                    _ => None,
                };
            }
            None
        }
        "RuntimeError" => match m {
            "set changed size during iteration" => fixed("Set changed size during iteration"),
            "Deque mutated during iteration" => fixed("deque mutated during iteration"),
            _ => None,
        },
        "OverflowError" => match m {
            "Python int too large to convert to Rust isize" => {
                fixed("Python int too large to convert to C ssize_t")
            }
            _ => None,
        },
        _ => None,
    }
}

/// Rewords `exc` in place, if it is an exact built-in error of one `str`
/// argument whose words are the interpreter's own.
pub(crate) fn conform(exc: &PyBaseExceptionRef, vm: &VirtualMachine) {
    let e = &vm.ctx.exceptions;
    let class = exc.class();
    let kind = [
        (e.value_error, "ValueError"),
        (e.type_error, "TypeError"),
        (e.runtime_error, "RuntimeError"),
        (e.overflow_error, "OverflowError"),
    ]
    .into_iter()
    .find(|(t, _)| class.is(*t))
    .map(|(_, k)| k);
    let Some(kind) = kind else { return };
    let args = exc.args();
    let [arg] = args.as_slice() else { return };
    let Some(text) = arg.downcast_ref_if_exact::<PyStr>(vm) else { return };
    let Some(message) = text.to_str() else { return };
    if let Some(words) = reword(kind, message) {
        let new_args = PyTuple::new_ref(vec![vm.ctx.new_str(words).into()], &vm.ctx);
        let _ = exc.as_object().set_attr("args", new_args, vm);
    }
}

/// Rewords an exception leaving the sandbox and those chained to it.
pub(crate) fn conform_chain(exc: &PyBaseExceptionRef, vm: &VirtualMachine) {
    let mut seen: Vec<PyBaseExceptionRef> = Vec::new();
    let mut todo = vec![exc.clone()];
    while let Some(e) = todo.pop() {
        if seen.len() >= 64 || seen.iter().any(|s| s.is(&e)) {
            continue;
        }
        conform(&e, vm);
        todo.extend(e.__cause__());
        todo.extend(e.__context__());
        seen.push(e);
    }
}

/// The object the compile pipeline calls first in every `except` handler of
/// guest code: it rewords the exception being handled.
#[pyclass(module = false, name = "except_handler")]
#[derive(Debug, PyPayload)]
pub(crate) struct HandlerEntry;

crate::guest::patch::refuse_construction!(HandlerEntry);

#[pyclass(flags(IMMUTABLETYPE), with(Constructor, Callable, Representable))]
impl HandlerEntry {}

impl Callable for HandlerEntry {
    type Args = ();

    fn call(_zelf: &Py<Self>, (): Self::Args, vm: &VirtualMachine) -> PyResult {
        // The exception being handled, as `sys.exc_info()` gives it (the real
        // `sys`, which only native code reaches).
        let info = vm.sys_module.get_attr("exc_info", vm)?.call((), vm)?;
        if let Some(t) = info.downcast_ref::<PyTuple>() {
            if let Some(exc) = t.get(1).and_then(|v| v.clone().downcast::<rustpython_vm::builtins::PyBaseException>().ok()) {
                conform(&exc, vm);
            }
        }
        Ok(vm.ctx.none())
    }
}

impl Representable for HandlerEntry {
    fn repr_str(_zelf: &Py<Self>, _vm: &VirtualMachine) -> PyResult<String> {
        Ok("<except handler>".to_owned())
    }
}

thread_local! {
    static HANDLER: std::cell::RefCell<Option<PyObjectRef>> = const { std::cell::RefCell::new(None) };
}

/// Makes the handler type (once per sandbox thread, before the type sweep).
pub(crate) fn init_types() {
    HandlerEntry::make_static_type();
}

/// This thread's [`HandlerEntry`] object (made on first use).
pub(crate) fn handler_object() -> PyObjectRef {
    HANDLER.with(|c| {
        c.borrow_mut()
            .get_or_insert_with(|| {
                PyRef::new_ref(HandlerEntry, HandlerEntry::static_type().to_owned(), None).into()
            })
            .clone()
    })
}

/// Drops this thread's handler object (at sandbox teardown, on its thread).
pub(crate) fn release() {
    let _ = HANDLER.try_with(|c| c.borrow_mut().take());
}

#[cfg(test)]
mod tests {
    use super::reword;

    #[test]
    fn only_the_interpreters_own_words_are_reworded() {
        // A guest's long message is not looked at (nor recursed into).
        let long = "ValueError: ".repeat(2_000_000);
        assert_eq!(reword("ValueError", &long), None);
        let cases = [
            ("OverflowError", "OverflowError: cannot convert float infinity to integer", Some("cannot convert float infinity to integer")),
            ("ValueError", "max() iterable argument is empty", Some("max() arg is an empty sequence")),
            ("ValueError", "too many values to unpack (expected 2, got 3)", Some("too many values to unpack (expected 2)")),
            ("TypeError", "'tuple' does not support item assignment", Some("'tuple' object does not support item assignment")),
            ("TypeError", "list indices must be integers or slices or classes that override __index__ operator, not 'str'", Some("list indices must be integers or slices, not str")),
            ("TypeError", "str indices must be integers or slices or classes that override __index__ operator, not 'float'", Some("string indices must be integers, not 'float'")),
            ("RuntimeError", "set changed size during iteration", Some("Set changed size during iteration")),
            ("TypeError", "class Shape without an implementation for abstract method 'area'", Some("Can't instantiate abstract class Shape with abstract method area")),
            ("TypeError", "class S without an implementation for abstract methods 'a', 'b'", Some("Can't instantiate abstract class S with abstract methods a, b")),
            ("TypeError", "class Real", None),
            ("ValueError", "byte must be in range(0, 256)", None),
            // The class-name prefix goes once, not once per repetition.
            ("ValueError", "ValueError: ValueError: x", Some("ValueError: x")),
            // CPython's own words, and words of other kinds, stay.
            ("ValueError", "max() arg is an empty sequence", None),
            ("TypeError", "'tuple' object does not support item assignment", None),
            ("TypeError", "max() iterable argument is empty", None),
            ("ValueError", "too many values to unpack (expected 2, got x)", None),
            ("KeyError", "set changed size during iteration", None),
        ];
        for (kind, ours, theirs) in cases {
            assert_eq!(reword(kind, ours).as_deref(), theirs, "{kind}: {ours}");
        }
    }
}
