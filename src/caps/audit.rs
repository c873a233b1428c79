//! The audit log: every capability use, grant and revocation as a `tracing`
//! event of target `pyocap::audit` (level `INFO`). With no subscriber
//! listening, each costs one check of a static flag; the CLI's `--audit FILE`
//! writes them as JSON lines.
//!
//! Fields: `event` — `get` (reading a member: a field's value, or the method
//! about to be called), `call` (calling a method, or the object itself as
//! `__call__`), `refused` (a name the capability's filter does not pass;
//! nothing ran), `grant`, `grant_mapping`, `revoke`, `revoke_all`; `party`
//! (who acts: `host` or `sandbox N`); `capability` (its label); `member`;
//! for a use, `outcome` (`ok` or the error's message) and `micros` (its
//! duration); for a change, `detail` (the name granted).

use super::graph::Party;
use super::CapError;
use std::time::Instant;

/// The target of every audit event.
pub const TARGET: &str = "pyocap::audit";

/// The longest string an event carries: a guest chooses member names (and so
/// error messages quoting them) of any length, and writing them whole let a
/// guest fill the host's disk through the log (a review wrote 1 GB in 3 s).
pub const MAX_FIELD_BYTES: usize = 256;

/// `s`, cut to [`MAX_FIELD_BYTES`] at a character boundary (marked `…`).
fn bounded(s: &str) -> std::borrow::Cow<'_, str> {
    if s.len() <= MAX_FIELD_BYTES {
        return s.into();
    }
    let mut end = MAX_FIELD_BYTES;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &s[..end]).into()
}

/// Runs `f`, a use (`event`: `get` or `call`) of capability `label`'s
/// `member` by `party`, logging it.
pub(crate) fn invoke<R>(
    event: &'static str,
    party: impl FnOnce() -> Party,
    label: impl FnOnce() -> String,
    member: &str,
    f: impl FnOnce() -> Result<R, CapError>,
) -> Result<R, CapError> {
    if !tracing::enabled!(target: TARGET, tracing::Level::INFO) {
        return f();
    }
    let start = Instant::now();
    let result = f();
    let micros = u64::try_from(start.elapsed().as_micros()).unwrap_or(u64::MAX);
    let outcome = match &result {
        Ok(_) => "ok".to_owned(),
        Err(e) => format!("error: {e}"),
    };
    tracing::info!(
        target: TARGET,
        event,
        party = %party(),
        capability = %bounded(&label()),
        member = %bounded(member),
        outcome = %bounded(&outcome),
        micros,
    );
    result
}

/// Logs a use the capability's filter refused before anything ran.
pub(crate) fn refused(party: impl FnOnce() -> Party, label: impl FnOnce() -> String, member: &str) {
    if tracing::enabled!(target: TARGET, tracing::Level::INFO) {
        let name = bounded(member).into_owned();
        let outcome = format!("error: {}", CapError::NotPermitted { name });
        tracing::info!(
            target: TARGET,
            event = "refused",
            party = %party(),
            capability = %bounded(&label()),
            member = %bounded(member),
            outcome = %bounded(&outcome),
            micros = 0u64,
        );
    }
}

/// Logs a grant, revocation or other change of who holds what.
pub(crate) fn change(event: &'static str, party: Party, label: impl FnOnce() -> String, detail: &str) {
    if tracing::enabled!(target: TARGET, tracing::Level::INFO) {
        tracing::info!(
            target: TARGET,
            event,
            party = %party,
            capability = %bounded(&label()),
            detail = %bounded(detail),
        );
    }
}
