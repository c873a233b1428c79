//! The membrane: what crosses between master and slave, and how.
//!
//! This layer holds the first half of the membrane: plain data ([`Value`]) is
//! copied, with depth and size bounds ([`DataLimits`]); guest exceptions are
//! wrapped into strings computed inside the guest
//! ([`GuestError::Exception`](crate::GuestError::Exception)); host objects cross
//! as opaque proxies of capabilities (`proxy`). Any other guest object is refused
//! with [`CrossingError::NotData`].


mod convert;
mod exception;
pub(crate) mod proxy;
mod value;

pub(crate) use convert::{check_host_value, from_guest, to_guest};
pub(crate) use exception::{wrap_exception, SourceCache};
pub use value::Value;

/// Bounds on one crossing of data (one argument list, one result).
///
/// The defaults allow ordinary results (JSON-like documents, tables of a few
/// hundred thousand cells) and refuse values that could only be an attack on the
/// other side's memory or stack.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataLimits {
    /// Deepest nesting of containers. Default: 100.
    pub max_depth: usize,
    /// Most values (every scalar and container counts one). Default: 1,000,000.
    pub max_items: usize,
    /// Most bytes of string, bytes and big-integer payload. Default: 64 MiB.
    pub max_bytes: usize,
}

impl Default for DataLimits {
    fn default() -> Self {
        DataLimits {
            max_depth: 100,
            max_items: 1_000_000,
            max_bytes: 64 << 20,
        }
    }
}

/// Why a value could not cross the membrane.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CrossingError {
    /// The object is not plain data (not one of the exact built-in data types).
    #[error("a `{type_name}` object is not data and cannot be copied across the membrane")]
    NotData {
        /// The object's type name.
        type_name: String,
    },
    /// Containers nested deeper than [`DataLimits::max_depth`].
    #[error("value nested deeper than {limit} levels")]
    TooDeep {
        /// The limit in force.
        limit: usize,
    },
    /// More than [`DataLimits::max_items`] values.
    #[error("value has more than {limit} items")]
    TooManyItems {
        /// The limit in force.
        limit: usize,
    },
    /// More than [`DataLimits::max_bytes`] bytes of payload.
    #[error("value holds more than {limit} bytes")]
    TooLarge {
        /// The limit in force.
        limit: usize,
    },
    /// A host value put an unhashable value where Python needs a hashable one (a
    /// dict key, a set element).
    #[error("a `{type_name}` cannot be a dict key or set element")]
    Unhashable {
        /// The offending element's type name.
        type_name: String,
    },
    /// A capability in the value could not cross (revoked, or of another runtime).
    #[error(transparent)]
    Capability(#[from] crate::caps::CapError),
}
