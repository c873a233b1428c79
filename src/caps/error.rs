//! The capability layer's errors.

/// Why using a capability failed.
///
/// When a guest's call fails this way, the guest gets a fresh exception built
/// from this error's message: `RevokedError` for [`CapError::Revoked`],
/// `AttributeError` for [`CapError::NotPermitted`], `TypeError` for argument
/// errors and `HostError` for [`CapError::Failed`], [`CapError::HostPanicked`]
/// and [`CapError::Stopped`].
/// Nothing else of the host error crosses.
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
    /// A function or method taking a range of argument counts (trailing
    /// optional arguments, `*args`) was called with a count outside it.
    #[error("{method}() takes {} argument(s) ({got} given)", match max {
        Some(max) => format!("from {min} to {max}"),
        None => format!("at least {min}"),
    })]
    ArgRange {
        /// The function's or method's name.
        method: String,
        /// The fewest it takes.
        min: usize,
        /// The most it takes (`None`: no bound).
        max: Option<usize>,
        /// How many were given.
        got: usize,
    },
    /// A keyword argument the function or method does not take.
    #[error("{method}() got an unexpected keyword argument '{name}'")]
    UnexpectedKeyword {
        /// The function's or method's name.
        method: String,
        /// The keyword.
        name: String,
    },
    /// A keyword argument had the wrong type.
    #[error("keyword argument '{name}' must be {expected}, not {got}")]
    BadKeyword {
        /// The keyword.
        name: String,
        /// What was expected.
        expected: &'static str,
        /// What was given.
        got: String,
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
    /// The capability designates another kind of object than the one expected
    /// ([`CapHandle::downcast`](crate::CapHandle::downcast)).
    #[error("expected a capability to a {expected}")]
    WrongType {
        /// The expected Rust type's name.
        expected: String,
    },
    /// The host object's method failed; the message is all that reaches the guest.
    #[error("{0}")]
    Failed(String),
    /// The object lives in a sandbox, and the guest code called there raised an
    /// exception. The strings were computed inside that sandbox. A guest caller
    /// gets a fresh exception with the message only: of the built-in class of the
    /// same name when there is one, `HostError` otherwise.
    #[error("{type_name}: {message}")]
    Raised {
        /// The exception's class name.
        type_name: String,
        /// `str()` of the exception.
        message: String,
        /// The formatted traceback, as it stands in the owner's sandbox.
        traceback: String,
    },
    /// The host's own function, method or field (`function`: its name,
    /// `Type.member` for a method or field) panicked. The panic stopped at the
    /// capability: the sandbox that called goes on, and its guest gets a
    /// `HostError` naming the function only (`message`, the panic's payload,
    /// stays with the host).
    #[error("the host's {function} failed (it panicked)")]
    HostPanicked {
        /// What panicked.
        function: String,
        /// The panic's message, for the host.
        message: String,
    },
    /// A host iterator's `__next__` has no more items: the guest's iteration
    /// ends (`StopIteration`).
    #[error("the iterator is exhausted")]
    StopIteration,
    /// The object lives in a sandbox that stopped while serving the call, or
    /// had stopped before it (a tripped limit, a stop, an interpreter failure):
    /// its error, as that sandbox's own calls get it (a limit of the owner is
    /// its `GuestError::DeadlineExceeded`, `MemoryLimit`, ...). A guest
    /// caller gets a `HostError` with its message. (Once the owner sandbox is
    /// dropped, every capability to its objects is revoked:
    /// [`CapError::Revoked`].)
    #[error("the sandbox holding this object has stopped: {0}")]
    Stopped(Box<crate::error::GuestError>),
}

impl CapError {
    /// A host method's own failure, with a message for the guest.
    pub fn failed(message: impl Into<String>) -> CapError {
        CapError::Failed(message.into())
    }
}
