//! Native text building bounded by the memory budget: the operations that
//! paste the same object into their result many times.
//!
//! A format template can name one long argument thousands of times
//! (`('%s' * 1000) % ((x,) * 1000)`, `'{0}{0}...'.format(x)`), and a
//! translation table can map every character to a long string. The result is
//! then far larger than anything the guest holds, and RustPython builds it in
//! one native call with no check between pieces: a buffer past the memory
//! ceiling would freeze the sandbox thread (see `alloc`). Here:
//!
//! - `%` formatting sums the sizes of the `str`/`bytes` arguments its template
//!   names, before it starts (`percent_pieces`);
//! - `str.format`/`str.format_map` are built here, field by field: each field
//!   costs one fuel unit and looks at the stop, and each piece is checked
//!   against what is left of the budget before it is appended ([`format`]);
//! - `str.translate` is built here, checking each string it appends
//!   ([`install_translate`]);
//! - an f-string with several fields is compiled as a checked concatenation
//!   (`fstring.rs`).
//!
//! A refusal is the catchable `MemoryError` of `meter::reserve`. Container
//! reprs are bounded differently: every native `__repr__` is metered, so a
//! repr that amplifies ends at its next item; a text's own repr is checked by
//! `bounds::check_repr_size`.

mod encode;
mod format;
mod split;
mod translate;

pub(crate) use encode::install_encode;
pub(crate) use format::{install_formatting, install_str_format, wrap_formatter_split};
pub(crate) use split::install_split;
pub(crate) use translate::install_translate;
