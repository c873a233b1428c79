//! # pyocap — an object-capability runtime for untrusted Python
//!
//! A trusted *master* (this Rust host) creates sandboxed *slave* interpreters on
//! RustPython, gives them data and capabilities and gets back results and
//! errors. Nothing crosses between them except through the membrane: plain data
//! is copied ([`Value`], bounded by [`DataLimits`]); every other object crosses
//! as a capability — an opaque, filtered, revocable proxy whose calls run in
//! the sandbox (or host) that owns the object ([`CapHandle`], [`Filter`],
//! [`UserObject`]); exceptions are wrapped into strings computed inside the
//! guest ([`GuestError::Exception`]). Each sandbox has its limits: deadline,
//! fuel, memory, output ([`Policy`]). Trusted Python can be the master too
//! (`import pyocap` under [`Policy::master`]).
//!
//! ## Core concepts
//! - [`Config`] → [`Runtime`]: shared settings (stack size, hash seed).
//! - [`Policy`]: what a guest may reach (builtins, imports) and its limits. A
//!   default policy grants no authority at all.
//! - [`Sandbox`]: one guest, on its own thread, with persistent globals:
//!   [`exec`](Sandbox::exec), [`eval`](Sandbox::eval), [`call`](Sandbox::call).
//! - [`CountingAllocator`]: the global allocator that accounts each sandbox's
//!   memory; the host installs it once.
//!
//! ```
//! use pyocap::{Policy, Runtime, Value};
//!
//! // Memory budgets are enforced in the global allocator.
//! #[global_allocator]
//! static ALLOC: pyocap::CountingAllocator = pyocap::CountingAllocator::new();
//!
//! fn main() -> Result<(), Box<dyn std::error::Error>> {
//!     let runtime = Runtime::default();
//!     let sandbox = runtime.sandbox(&Policy::new())?;
//!     sandbox.exec("def area(w, h):\n    print('computing')\n    return w * h")?;
//!     assert_eq!(sandbox.call("area", &[Value::from(6), Value::from(7)])?, Value::from(42));
//!     assert_eq!(sandbox.take_output(), "computing\n");
//!     // No authority by default: no open, no imports.
//!     assert!(sandbox.exec("import sys").is_err());
//!     Ok(())
//! }
//! ```
//!
//! `SPEC.md` in the repository states the security model, every crossing rule
//! and every limit with its known holes.

#![deny(unsafe_code)] // allowed in one module: alloc.rs
#![warn(missing_docs)]

// The layers, top to bottom (ARCHITECTURE.md): the public handles (runtime,
// config, sandbox, master), the bridge between host threads and the
// interpreter (sandbox_thread, membrane, inbox), the interpreter's patches
// behind one door (guest), the public data (error, policy, value, caps), and
// the allocator. A file imports only from its own layer and those below.
mod runtime;
mod config;
mod sandbox;
mod pool;
mod teardown;
mod master;
mod worker;

mod sandbox_thread;
mod membrane;
mod inbox;
mod process;

mod guest;

mod error;
mod policy;
mod policy_file;
mod doors;
mod mounts;
mod value;
mod caps;

mod alloc;

#[cfg(test)]
mod test_util;

pub use alloc::CountingAllocator;
pub use caps::{
    Arg, CapError, CapHandle, DynamicObject, Filter, FromArg, FromArgs, Kwargs, Member, Methods,
    UserObject, Variadic,
    PROTOCOLS, CapabilityGraph, CapabilityNode, Party,
};
#[doc(hidden)]
pub use caps::CallArgs;
pub use config::Config;
pub use runtime::Runtime;
pub use pool::{PoolError, SandboxPool, MAX_POOL_SIZE};
pub use teardown::MAX_PENDING_TEARDOWNS;
pub use doors::{Clock, SysData};
pub use mounts::{Mount, MountMode};
pub use error::{ConfigError, GuestError};
pub use value::{from_value, to_value, CrossingError, DataLimits, SerdeError, TaggedJsonError, Value};
/// The `tracing` target of the audit log's events (see `caps/audit.rs`).
pub use caps::audit::{MAX_FIELD_BYTES as AUDIT_MAX_FIELD_BYTES, TARGET as AUDIT_TARGET};
pub use num_bigint::BigInt;
pub use worker::{serve_worker_if_requested, worker_self_test, SelfTestOutcome, SELF_TEST_PROBES};
pub use policy::{
    Isolation, Policy, DEFAULT_BUILTINS, FORBIDDEN_BUILTINS, IMPORTABLE_MODULES, OPTIONAL_BUILTINS,
};
pub use sandbox::{interruptible, Code, FuelReading, Sandbox, StopHandle};
pub use sandbox_thread::GUEST_FILENAME;

// The handles a host shares between threads are `Send + Sync`.
const _: () = {
    const fn send_and_sync<T: Send + Sync>() {}
    send_and_sync::<Runtime>();
    send_and_sync::<Sandbox>();
    send_and_sync::<Code>();
    send_and_sync::<StopHandle>();
    send_and_sync::<CapHandle>();
    send_and_sync::<Policy>();
    send_and_sync::<Value>();
};
