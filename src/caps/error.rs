//! The capability layer's errors.

/// Why using a capability failed.
///
/// When a guest's call fails this way, the guest gets a fresh exception built
/// from this error's message: `RevokedError` for [`CapError::Revoked`],
/// `AttributeError` for [`CapError::NotPermitted`], `TypeError` for argument
/// errors and `HostError` for [`CapError::Failed`]. Nothing else of the host
/// error crosses.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CapError {
    /// The capability (or one it was derived from, or its membrane) was revoked.
    #[error("the capability has been revoked")]
    Revoked,
    /// The handle belongs to another runtime.
    #[error("the capability belongs to another runtime")]
    WrongRuntime,
    /// The filter does not allow this name (or the object has no such member).
    #[error("'{name}' is not available on this capability")]
    NotPermitted {
        /// The name asked for.
        name: String,
    },
    /// The capability is not callable (it is an object; call its methods).
    #[error("the capability is not callable")]
    NotCallable,
    /// A method was called with the wrong number of arguments.
    #[error("{method}() takes {expected} argument(s) ({got} given)")]
    ArgCount {
        /// The method's name.
        method: String,
        /// How many it takes.
        expected: usize,
        /// How many were given.
        got: usize,
    },
    /// An argument had the wrong type.
    #[error("argument {position} must be {expected}, not {got}")]
    BadArgument {
        /// 1-based position.
        position: usize,
        /// What was expected.
        expected: &'static str,
        /// What was given.
        got: String,
    },
    /// The host object's method failed; the message is all that reaches the guest.
    #[error("{0}")]
    Failed(String),
}

impl CapError {
    /// A host method's own failure, with a message for the guest.
    pub fn failed(message: impl Into<String>) -> CapError {
        CapError::Failed(message.into())
    }
}
