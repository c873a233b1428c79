//! Capabilities: unforgeable handles to objects that are not data.
//!
//! Not built yet. Until it is, a non-data object that reaches the membrane is
//! refused with [`CrossingError::NotData`](crate::CrossingError::NotData): the
//! safe failure (no handle is made, nothing is shared).
