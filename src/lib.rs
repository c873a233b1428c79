//! # pyocap — an object-capability runtime for untrusted Python
//!
//! A trusted *master* (this Rust host) creates sandboxed *slave* interpreters on
//! RustPython, gives them data and gets back results and errors. Nothing crosses
//! between them except through the membrane: plain data is copied
//! ([`Value`]), exceptions are wrapped into strings ([`GuestError::Exception`]),
//! and anything else is refused ([`CrossingError::NotData`]).
//!
//! ## Core concepts
//! - [`Config`] → [`Runtime`]: shared settings (stack size, hash seed).
//! - [`Policy`]: what a guest may reach (builtins, imports) and its limits. A
//!   default policy grants no authority at all.
//! - [`Sandbox`]: one guest, on its own thread, with persistent globals:
//!   [`exec`](Sandbox::exec), [`eval`](Sandbox::eval), [`call`](Sandbox::call).
//!
//! ```
//! use pyocap::{Policy, Runtime, Value};
//!
//! let runtime = Runtime::default();
//! let sandbox = runtime.sandbox(&Policy::new())?;
//! sandbox.exec("def area(w, h):\n    print('computing')\n    return w * h")?;
//! assert_eq!(sandbox.call("area", &[Value::from(6), Value::from(7)])?, Value::from(42));
//! assert_eq!(sandbox.take_output(), "computing\n");
//! // No authority by default: no open, no imports.
//! assert!(sandbox.exec("import sys").is_err());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! `SPEC.md` in the repository states the security model, every crossing rule
//! and every limit with its known holes.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod caps;
pub mod membrane;
pub mod runtime;

pub use membrane::{CrossingError, DataLimits, Value};
pub use num_bigint::BigInt;
pub use runtime::{
    Config, ConfigError, GuestError, Policy, Runtime, Sandbox, StopHandle, DEFAULT_BUILTINS,
    FORBIDDEN_BUILTINS, IMPORTABLE_MODULES, OPTIONAL_BUILTINS,
};
