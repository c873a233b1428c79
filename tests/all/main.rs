//! Integration tests, one module per concept.

mod util;

mod basics;
mod cli;
mod errors;
mod hostile;
mod isolation;
mod policy;
mod values;
