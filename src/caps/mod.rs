//! Capabilities: unforgeable handles to host objects.
//!
//! A capability is an entry in its runtime's [`CapTable`](table) (a `slotmap`
//! with generational keys, so a revoked key never resolves to a reused slot). It
//! records what it designates (a host object), its [`Filter`], its parent (when
//! it was attenuated from another) and the membrane it was granted through.
//!
//! The host holds [`CapHandle`]s. A guest never sees a key: it holds an opaque
//! proxy whose only content is the key (see `membrane::proxy`), and it has no way
//! to turn a number into a proxy.

pub(crate) mod audit;
mod error;
mod filter;
mod graph;
pub(crate) mod host;
pub(crate) mod table;

pub use error::CapError;
pub use filter::{Filter, PROTOCOLS};
pub use graph::{CapabilityGraph, CapabilityNode, Party};
pub(crate) use host::Dispatch;
pub use host::{
    Arg, CallArgs, DynamicObject, FromArg, FromArgs, Kwargs, Member, Methods, UserObject, Variadic,
};
pub use table::CapHandle;
