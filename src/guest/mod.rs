//! Everything installed into RustPython, behind one door (SPEC §4, §5, §7).
//!
//! The rest of the crate reaches the interpreter's patches only through this
//! file: [`install`] applies every patch in order when a sandbox starts,
//! [`release`] (after [`release_finalizers`]) undoes them at tear-down, and the
//! few operations the bridge needs while the guest runs are re-exported below.
//!
//! # Module structure
//! Imports run one way, from the files that install to the leaves (a check
//! in `tests/layout.rs` keeps it so):
//! - leaves: `patch` (the toolkit: receiver-checked methods, method and slot
//!   replacement, construction refusal, and the RustPython facts it relies
//!   on), `interrupt` (the stop, §6), `meter` (fuel and memory reservations,
//!   §5.6–5.7; imports only the stop), `state` (the per-sandbox state and the
//!   list of every thread-local), `marker`, `digits`, `sealed` (§3.4).
//! - `exclusive`, `finalize` (§7), `iter` (metered iteration, §5.7),
//!   `identity` (§4.4), `compare`, `descriptors`, `deque`, `buffers` (§7,
//!   *Re-entrancy*); `compile/` (the pipeline of every text a sandbox runs:
//!   source bounds §5.1, fuel ticks §5.7).
//! - `bounds/` (native work bounded before it starts, §5.8), `text/` (text
//!   built under the memory budget, §5.6), `sort`, `json`, `regex`; `types`
//!   (the types' allowlists, §4.3), `class_writes` (writes to types), `sweep`
//!   (every per-type patch on every type).
//! - `stdlib/` (the vetted standard library, its module views, `json`,
//!   `regex`, §4.2), `env` (the guest's
//!   namespace, builtins, `print`, §4.1); and this file, which installs them.

mod bounds;
mod buffers;
mod calls;
mod class_writes;
mod compare;
mod compile;
mod conform;
mod deque;
mod descriptors;
mod digits;
mod dispatch;
mod env;
mod exclusive;
mod finalize;
mod identity;
mod interrupt;
mod iter;
mod marker;
mod meter;
mod patch;
mod sealed;
mod sort;
mod state;
mod stdlib;
mod sweep;
mod text;
mod types;

use crate::policy::Policy;
use rustpython_vm::builtins::PyDictRef;
use rustpython_vm::{PyResult, VirtualMachine};

pub(crate) use compile::{compile, compile_unloaded, load, Compiled};
pub(crate) use compile::{check_source, SourceKind};
pub(crate) use conform::conform_chain;
pub(crate) use env::{provide_module, set_output_sink, take_output};
pub(crate) use state::Printed;
pub(crate) use finalize::safe_point;
pub(crate) use interrupt::{install_stop, Tripwire};
pub(crate) use meter::{is_refusal, memory_tripped, reading, refuel, settle_memory};
pub(crate) use patch::refuse_construction;
pub(crate) use sealed::sealed_view;

/// Sets up a new sandbox's interpreter, on its own thread, and returns the
/// guest's globals. `bridge` installs what the bridge adds to the guest's
/// environment (capability proxies, the master module): it runs once the
/// environment exists and before the builtins are sealed and the types swept.
pub(crate) fn install(
    vm: &VirtualMachine,
    policy: &Policy,
    tripwire: Tripwire,
    bridge: impl FnOnce(&VirtualMachine) -> PyResult<()>,
) -> PyResult<PyDictRef> {
    // The guest's state and the stop come first: everything after runs
    // inside them.
    env::install(vm, policy, tripwire)?;
    // The mounts first: the guest's builtins get `open` only with one.
    stdlib::install_files(&policy.mounts);
    // Deterministic identities, then the methods of built-in types replaced
    // before the builtins are copied (the copies are of the replacements).
    identity::install(vm)?;
    types::replace_methods(vm);
    text::install_str_format(vm);
    let original = env::restrict(vm, policy)?;
    stdlib::install(vm, policy, &original)?;
    drop(original);
    sealed::init_types();
    let globals = env::new_globals(vm)?;
    bridge(vm)?;
    // Before the builtins are sealed: `sorted` is replaced here and the size
    // check of `bounds` wraps the metered sort.
    sort::install(vm)?;
    bounds::install(vm, policy.max_int_bits)?;
    text::install_formatting(vm);
    text::install_translate(vm);
    text::install_split(vm);
    text::install_encode(vm);
    conform::install(vm);
    // Native operations that call guest code hold nothing meanwhile.
    compare::install(vm);
    descriptors::install(vm);
    buffers::install(vm);
    bounds::install_typevar(vm);
    env::seal_builtins(vm, &globals)?;
    // The runtime's own types exist before the sweep reaches them.
    compile::init_types(vm);
    compile::init_fstring_types();
    conform::raised::init_types();
    stdlib::init_json_types();
    finalize::enable();
    finalize::install(vm);
    // After `type`'s constructor is wrapped: the probe class learns the
    // generic slot functions every later class is counted by.
    dispatch::install(vm)?;
    stdlib::init_regex_types(vm);
    stdlib::init_file_types();
    // Last, over every type the set-up made: the allowlists and meters.
    sweep::sweep(vm);
    Ok(globals)
}

/// The first step of tear-down: the queued finalizers are dropped unrun (no
/// finalizer runs at teardown), before the bridge drops the guest's objects.
pub(crate) fn release_finalizers() {
    finalize::release();
}

/// The last step of tear-down, inside the interpreter, after the bridge has
/// dropped the objects it held: every per-sandbox thread-local of the patches
/// lets go of its guest objects, in reverse order of set-up.
pub(crate) fn release() {
    compile::release();
    compile::release_fstring();
    conform::raised::release();
    meter::release();
    exclusive::release();
    stdlib::release_regex();
    stdlib::release_files();
    identity::release();
    stdlib::release();
    state::clear();
}

/// After an interpreter panic the interpreter is leaked, not dropped; so are
/// the patches' guest objects (dropping them could panic again).
pub(crate) fn leak() {
    finalize::leak();
    identity::leak();
}
