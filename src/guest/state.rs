//! The per-sandbox state of the patches (one sandbox is one thread). Every
//! thread-local a patch keeps is listed here, with its owner; each is set up
//! by `guest::install` and emptied by `guest::release` (or left, for plain
//! values that hold no guest object).
//!
//! - `state::STATE`: [`GuestState`], what the guest's native functions reach
//!   (output, imports, provided modules, the stop, source limits).
//! - `state::LIBRARY_LOADING`: whether library module code is loading.
//! - `library::LIBRARY`: the sandbox's library (module instances, namespaces).
//! - `interrupt::{THREAD_TRIPWIRE, INSTALLED}`: the stop and whether it is
//!   installed.
//! - `meter::{REMAINING, BUDGET, HELD, MEMORY_PENDING, REFUSAL}`: fuel, a
//!   memory crossing to settle, the last size refusal.
//! - `compile/ticks.rs` `TICKS`: one tick object per weight.
//! - `finalize`'s queue of objects whose finalizers wait for a safe point.
//! - `exclusive::{IN_USE, FIELDS}`: objects in use by a native operation, the
//!   original fields behind replaced getsets.
//! - `compare::DEQUE_TYPE`, `identity`'s counters and table, `regex`, `text`
//!   and `bounds` caches of their own (each listed in its file).

use super::interrupt::Tripwire;
use crate::error::GuestError;
use rustpython_vm::{PyObjectRef, PyResult, VirtualMachine};
use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, BTreeSet};

/// What the sandbox thread hands the host's side of its output.
pub(crate) enum Printed {
    /// Text the guest printed.
    Text(String),
    /// A marker the host sends after a call: answered once everything before
    /// it was delivered.
    Flush(std::sync::mpsc::SyncSender<()>),
}

/// Per-sandbox state the native functions given to the guest reach. It lives in
/// a thread-local because one sandbox is one thread.
pub(crate) struct GuestState {
    pub(crate) output: String,
    /// Where printed text goes as soon as it is printed (the host's side of
    /// the sandbox); without one, it waits in `output` for the call's end.
    pub(crate) sink: Option<std::sync::mpsc::Sender<Printed>>,
    /// Bytes printed over the sandbox's life, against `max_output`.
    pub(crate) printed: usize,
    pub(crate) max_output: usize,
    pub(crate) imports: BTreeSet<String>,
    /// Modules the runtime provides itself (such as `pyocap`), by name.
    pub(crate) modules: BTreeMap<String, PyObjectRef>,
    pub(crate) tripwire: Tripwire,
    pub(crate) original_self_getter: Option<PyObjectRef>,
    /// The policy's bounds on source (bytes, nesting), which also apply to
    /// what library code compiles (`exec`/`eval`/`compile` of text it built,
    /// such as a forward reference's).
    pub(crate) source_limits: (usize, usize),
    /// Whether text compiled in the sandbox is fuel-instrumented.
    pub(crate) fuel_metering: bool,
    /// `str.format`, `str.format_map` and `_string.formatter_field_name_split`
    /// as the interpreter made them, called after the field check.
    pub(crate) original_str_methods: Vec<(&'static str, PyObjectRef)>,
    /// The guest's builtins (a sealed mapping), also given to code that
    /// library `exec`/`eval` run in a namespace without builtins.
    pub(crate) guest_builtins: Option<PyObjectRef>,
}

thread_local! {
    static STATE: RefCell<Option<GuestState>> = const { RefCell::new(None) };
    /// Whether an import is running library module code.
    static LIBRARY_LOADING: Cell<bool> = const { Cell::new(false) };
}

/// Sets up this thread's state.
pub(crate) fn set(state: GuestState) {
    STATE.with(|s| *s.borrow_mut() = Some(state));
}

/// Runs `f` on this thread's state (`None` before set-up or after tear-down).
pub(crate) fn with_state<R>(f: impl FnOnce(&mut GuestState) -> R) -> Option<R> {
    STATE.with(|s| s.borrow_mut().as_mut().map(f))
}

/// True while an import runs library module code (native modules finish
/// their own types then; no guest code runs).
pub(crate) fn library_loading() -> bool {
    LIBRARY_LOADING.with(Cell::get)
}

/// Set by the library as its imports start and end.
pub(crate) fn set_library_loading(loading: bool) {
    LIBRARY_LOADING.with(|l| l.set(loading));
}

/// Drops the thread's guest state (its module cache holds guest objects: this
/// must run on the sandbox thread, before the interpreter goes).
pub(crate) fn clear() {
    let state = STATE.with(|s| s.borrow_mut().take());
    drop(state);
}

/// Appends `text` to the guest's output under its budget: past the budget, what
/// fits is kept and the guest is stopped with `OutputLimit`.
pub(crate) fn write_output(text: &str, vm: &VirtualMachine) -> PyResult<()> {
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

impl GuestState {
    /// Hands printed text to the host at once: a call the host was answered
    /// for while its guest was still inside a long native operation (a
    /// deadline, a memory trip) keeps what it printed before.
    fn emit(&mut self, text: &str) {
        let sent = self
            .sink
            .as_ref()
            .is_some_and(|sink| sink.send(Printed::Text(text.to_owned())).is_ok());
        if !sent {
            self.output.push_str(text);
        }
    }
}
