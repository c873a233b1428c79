//! Wrapping guest exceptions into host errors made of strings.
//!
//! Runs on the sandbox thread. `str(exc)` is guest code (a guest exception class
//! may define `__str__`): it runs inside the guest, and if it fails a placeholder
//! is used. The traceback is rendered from the VM's native traceback records, so
//! rendering it runs no guest code at all.

use crate::error::GuestError;
use rustpython_vm::builtins::PyBaseExceptionRef;
use rustpython_vm::{AsObject, VirtualMachine};
use std::collections::VecDeque;
use std::fmt::Write;

/// Longest message kept from `str(exc)`, in bytes.
const MAX_MESSAGE: usize = 16 * 1024;
/// The longest exception class name reported.
const MAX_TYPE_NAME: usize = 256;
/// The longest traceback reported (its entries' names and lines are the
/// guest's, so of any length).
const MAX_TRACEBACK: usize = 1 << 20;
/// Most traceback entries rendered (the innermost ones are kept).
const MAX_TB_ENTRIES: usize = 64;
/// Most sources remembered for rendering traceback lines.
const MAX_SOURCES: usize = 32;

/// The sources the sandbox compiled, by file name, so tracebacks can show the
/// offending line as CPython does.
#[derive(Default)]
pub(crate) struct SourceCache {
    entries: VecDeque<(String, String)>,
}

impl SourceCache {
    pub(crate) fn remember(&mut self, name: &str, source: &str) {
        self.entries.retain(|(n, _)| n != name);
        if self.entries.len() == MAX_SOURCES {
            self.entries.pop_front();
        }
        self.entries.push_back((name.to_owned(), source.to_owned()));
    }

    fn line(&self, name: &str, lineno: usize) -> Option<&str> {
        let (_, src) = self.entries.iter().rev().find(|(n, _)| n == name)?;
        src.lines().nth(lineno.checked_sub(1)?).map(str::trim)
    }
}

/// Truncates `s` to at most `max` bytes on a character boundary.
pub(crate) fn truncate(mut s: String, max: usize) -> String {
    if s.len() > max {
        let mut cut = max;
        while !s.is_char_boundary(cut) {
            cut -= 1;
        }
        s.truncate(cut);
        s.push_str("...");
    }
    s
}

/// Turns a guest exception into [`GuestError::Exception`].
pub(crate) fn wrap_exception(
    vm: &VirtualMachine,
    exc: &PyBaseExceptionRef,
    sources: &SourceCache,
) -> GuestError {
    // CPython's words for the interpreter's own (SPEC §4.5).
    crate::guest::conform_chain(exc, vm);
    // Every text is bounded: a guest's class may have a name of megabytes.
    let type_name = truncate(exc.class().name().to_string(), MAX_TYPE_NAME);
    let message = match exc.as_object().str(vm) {
        Ok(s) => truncate(s.to_string_lossy().into_owned(), MAX_MESSAGE),
        // Same placeholder CPython prints when `__str__` fails.
        Err(_) => format!("<exception str() failed for {type_name}>"),
    };
    let traceback = truncate(render_traceback(exc, &type_name, &message, sources), MAX_TRACEBACK);
    GuestError::Exception {
        type_name,
        message,
        traceback,
    }
}

fn render_traceback(
    exc: &PyBaseExceptionRef,
    type_name: &str,
    message: &str,
    sources: &SourceCache,
) -> String {
    let mut entries = VecDeque::new();
    let mut skipped = 0usize;
    let mut tb = exc.__traceback__();
    while let Some(t) = tb {
        if entries.len() == MAX_TB_ENTRIES {
            entries.pop_front();
            skipped += 1;
        }
        let code = &t.frame.code;
        entries.push_back((
            code.source_path().as_str().to_owned(),
            t.lineno.get(),
            code.obj_name.as_str().to_owned(),
        ));
        tb = t.next.lock().clone();
    }
    let mut out = String::from("Traceback (most recent call last):\n");
    if skipped > 0 {
        let _ = writeln!(out, "  [{skipped} earlier frames omitted]");
    }
    for (file, line, name) in &entries {
        let _ = writeln!(out, "  File \"{file}\", line {line}, in {name}");
        if let Some(text) = sources.line(file, *line) {
            if !text.is_empty() {
                let _ = writeln!(out, "    {}", truncate(text.to_owned(), 200));
            }
        }
    }
    if message.is_empty() {
        let _ = writeln!(out, "{type_name}");
    } else {
        let _ = writeln!(out, "{type_name}: {message}");
    }
    out
}
