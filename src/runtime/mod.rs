//! The runtime: [`Config`] → [`Runtime`] → [`Sandbox`], governed by a [`Policy`].
//!
//! Every sandbox runs on its own OS thread with a large stack. Its interpreter is
//! created, used and dropped on that thread only; the host talks to it by
//! messages. Because RustPython's built-in types are per thread in this build,
//! each sandbox also owns its built-in types: nothing a guest changes is visible
//! to another sandbox.

mod alloc;
mod buffers;
mod compare;
mod deque;
mod descriptors;
mod config;
mod error;
mod exclusive;
mod finalize;
mod fuel;
pub(crate) mod guest_env;
mod harden;
mod identity;
pub(crate) mod interrupt;
mod json;
mod library;
pub(crate) mod link;
mod master;
mod native;
mod policy;
mod regex;
mod sandbox;
mod sort;
mod sre_code;
mod source;
mod text;

pub use alloc::CountingAllocator;
pub use config::{Config, Runtime};
pub use error::{ConfigError, GuestError};
pub use policy::{
    Policy, DEFAULT_BUILTINS, FORBIDDEN_BUILTINS, IMPORTABLE_MODULES, OPTIONAL_BUILTINS,
};
pub use sandbox::{FuelReading, Sandbox, StopHandle, GUEST_FILENAME};
