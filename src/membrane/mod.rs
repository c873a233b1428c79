//! The membrane, the interpreter's side of every crossing (SPEC §3).
//!
//! Plain data ([`Value`](crate::Value)) is copied with depth and size bounds
//! (`convert`); guest exceptions are wrapped into strings computed inside the
//! guest (`exception`); every other object crosses as a capability: a host
//! object (or another sandbox's) becomes an opaque proxy whose only content is
//! its key, and a guest object handed out becomes a capability the host holds
//! (`proxy`).
//!
//! # Module structure
//! - `convert`: copying data in and out, with the bounds of §3.1.
//! - `exception`: wrapping a guest exception (§3.2).
//! - `proxy`: capabilities as proxies, the sandbox's exports (§3.3, §3.5, §3.7).
//! - `guest_object`: a guest object handed out, as a capability's target (§3.5).

mod convert;
mod exception;
mod guest_object;
pub(crate) mod proxy;

pub(crate) use convert::{check_host_value, from_guest, to_guest};
pub(crate) use exception::{truncate, wrap_exception, SourceCache};
