//! Everything installed into RustPython, behind one door (SPEC §4, §5, §7).
//!
//! The rest of the crate reaches the interpreter's patches only through this
//! file: [`install`] applies every patch in order when a sandbox starts,
//! [`release`] (after [`release_finalizers`]) undoes them at tear-down, and the
//! few operations the bridge needs while the guest runs are re-exported below.
//!
//! # Module structure
//! - `patch`: the toolkit (receiver-checked methods, method replacement, slot
//!   wrapping, construction refusal) and the RustPython facts it relies on.
//! - `interrupt`: the stop (§6) and its delivery; `fuel`: the fuel meter and the
//!   compile pipeline's instrumentation (§5.7); `source`: the nesting bound
//!   checked before parsing (§5.1).
//! - `guest_env`: the guest's namespace, builtins, `__import__`, `print` (§4.1);
//!   `library`: the vetted standard library and its two import paths (§4.2);
//!   `json`, `regex`, `sre_code`: the library's reimplemented modules.
//! - `harden`: what guest code reaches on built-in types, and the sweep that
//!   applies it to every type (§4.3); `identity`: deterministic identities (§4.4).
//! - `native`, `text`, `sort`: native work bounded before it starts (§5.6, §5.8).
//! - `finalize`: deferred finalizers (§7); `compare`, `exclusive`,
//!   `descriptors`, `deque`, `buffers`: native operations that hold nothing
//!   while guest code runs (§7, *Re-entrancy*).

mod buffers;
mod compare;
mod deque;
mod descriptors;
mod exclusive;
mod finalize;
mod fuel;
mod guest_env;
mod harden;
mod identity;
mod interrupt;
mod json;
mod library;
mod native;
mod patch;
mod regex;
mod sort;
mod source;
mod sre_code;
mod text;

use crate::policy::Policy;
use rustpython_vm::builtins::PyDictRef;
use rustpython_vm::{PyResult, VirtualMachine};

pub(crate) use finalize::safe_point;
pub(crate) use fuel::{compile, reading, refuel};
pub(crate) use guest_env::{provide_module, sealed_view, set_output_sink, take_output};
pub(crate) use interrupt::{install_stop, memory_tripped, settle_memory, Tripwire};
pub(crate) use native::is_refusal;
pub(crate) use patch::refuse_construction;
pub(crate) use source::{check_source, SourceKind};

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
    // The namespace, builtins, imports and the stop come first: everything
    // after runs inside them.
    let globals = guest_env::install(vm, policy, tripwire)?;
    bridge(vm)?;
    // Before the builtins are sealed: `sorted` is replaced here and the size
    // check of `native` wraps the metered sort.
    sort::install(vm)?;
    native::install(vm, policy.max_int_bits)?;
    guest_env::seal_builtins(vm, &globals)?;
    // The runtime's own types exist before the sweep reaches them.
    fuel::init_types(vm);
    text::init_types();
    json::init_types();
    finalize::enable();
    finalize::install(vm);
    regex::init_types(vm);
    // Last, over every type the set-up made: the allowlists and meters.
    harden::sweep(vm);
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
    fuel::release();
    text::release();
    native::release();
    regex::release();
    identity::release();
    guest_env::clear_state();
}

/// After an interpreter panic the interpreter is leaked, not dropped; so are
/// the patches' guest objects (dropping them could panic again).
pub(crate) fn leak() {
    finalize::leak();
    identity::leak();
}
