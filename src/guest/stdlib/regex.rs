//! Regular expressions with a metered pre-run.
//!
//! RustPython's `_sre` runs a backtracking matcher that has no step limit and
//! never looks at the interpreter's stop: a catastrophic pattern
//! (`(a+)+$` against `'a' * 40 + 'b'`) is one native call that runs for hours.
//! The matcher itself (`rustpython-sre_engine`) is generic over the text it
//! reads, so every matching method of `re.Pattern` first runs the *same*
//! request on the same text through a [`Metered`] view, which counts every
//! character the matcher reads or skips. The pre-run matches with the
//! pattern's code rewritten by [`super::sre_code::metered`], which puts a read
//! at every place the matcher could otherwise work without reading (repeat
//! iterations, alternatives, atomic groups, anchors, marks, group references):
//! the same matches, and every unit of the matcher's work, and of the state it
//! pushes, is now a counted step. A pattern with many groups weighs each step
//! more (the matcher copies its marks on every backtracking point).
//!
//! At a checkpoint the pre-run ends itself (by unwinding to [`pre_run`], with
//! no Python object in between) if the guest was stopped (a deadline,
//! `StopHandle::stop`, memory over the budget) or the steps exceed the fuel
//! left. Checkpoints come every [`CHECK_EVERY`] steps, and sooner when what is
//! left of the memory budget could not hold [`CHECK_EVERY`] steps of matcher
//! state ([`BYTES_PER_STEP`] each): the matcher's own stacks stop at the
//! budget, not at the ceiling. Only a pre-run that finishes lets the real call
//! start; its steps are charged to the fuel, one unit per [`STEPS_PER_UNIT`].
//! The real call repeats exactly the search the pre-run measured (same engine,
//! same request, code that matches the same), so it is bounded by a run that
//! was allowed to finish. A `match`/`search`/`fullmatch` whose pre-run found
//! nothing returns `None` without a second run.
//!
//! The compiled code of a pattern is private to `_sre`; `_sre.compile` is
//! wrapped to keep a copy per pattern (found again by identity, through a weak
//! reference). Scanners (`Pattern.scanner`, `Pattern.finditer`) are replaced
//! by [`MeteredScanner`], which mirrors the position of the scanner it wraps
//! and pre-runs each step.
//!
//! Unwinding needs `panic = "unwind"`; a host built with `panic = "abort"` gets
//! no pre-run (regular expressions are then bounded only by the stop grace,
//! SPEC §5.5).

use crate::guest::meter as fuel;
use crate::guest::patch::replace_method;
use rustpython_sre_engine::{Request, SearchIter, State, StrDrive, StringCursor};
use rustpython_vm::builtins::{PyCallableIterator, PyStr, PyWeak};
use rustpython_vm::class::PyClassImpl;
use rustpython_vm::function::{ArgCallable, FuncArgs};
use rustpython_vm::protocol::PyBuffer;
use rustpython_vm::types::Constructor;
use rustpython_vm::{
    pyclass, AsObject, FromArgs, PyObject, PyObjectRef, PyPayload, PyRef, PyResult,
    TryFromBorrowedObject, TryFromObject, VirtualMachine,
};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

/// Matcher steps (characters read or skipped) per fuel unit.
pub(crate) const STEPS_PER_UNIT: u64 = 4;

/// Steps between two looks at the stop flag (about 0.1 ms of matching).
const CHECK_EVERY: u64 = 1 << 15;

/// The most matcher state (bytes) one weighted step can push: a match context
/// and a repeat context (48 bytes each), a saved copy of the marks, all in
/// vectors that may hold twice what they use.
const BYTES_PER_STEP: u64 = 2048;

/// Groups per unit of step weight: a backtracking point copies the marks (two
/// per group).
const GROUPS_PER_WEIGHT: u64 = 32;

/// The most code points `_sre` may walk to cut the results of one call out of a
/// `str` (about a second): RustPython cuts every match from the start of the
/// text, so `findall`/`sub`/`split` over a long text with many matches is
/// quadratic native work that neither the stop nor the fuel could interrupt.
pub(crate) const MAX_SLICED: u64 = 1 << 30;

/// `sys.maxsize`, the default `endpos`.
const MAXSIZE: usize = isize::MAX as usize;

thread_local! {
    /// Steps of the pre-run in progress.
    static STEPS: Cell<u64> = const { Cell::new(0) };
    /// The step count at which the next checkpoint runs.
    static CHECK_AT: Cell<u64> = const { Cell::new(u64::MAX) };
    /// Steps the fuel left can pay for.
    static LIMIT: Cell<u64> = const { Cell::new(u64::MAX) };
    /// What one matcher step weighs for the pattern being run.
    static WEIGHT: Cell<u64> = const { Cell::new(1) };
    /// Code points `_sre` will walk to slice the results of the pre-run's
    /// matches out of a `str` (it slices each from the start of the text).
    static SLICED: Cell<u64> = const { Cell::new(0) };
    /// The compiled code of every live pattern, by object address.
    static PATTERNS: RefCell<HashMap<usize, Compiled>> = RefCell::new(HashMap::new());
}

/// What `_sre.compile` was given for one pattern.
struct Compiled {
    /// The pattern, to check that an address still means the same object.
    pattern: PyRef<PyWeak>,
    /// Its code as the pre-run runs it (`sre_code::metered`).
    code: Arc<[u32]>,
    isbytes: bool,
    /// Capturing groups.
    groups: usize,
}

/// Why a pre-run ended before the matcher did.
#[derive(Debug, Clone, Copy)]
enum Halt {
    /// The steps would exceed the fuel left.
    Fuel,
    /// The guest was stopped meanwhile.
    Stopped,
}

/// A text the matcher reads through, counting steps.
#[derive(Clone, Copy)]
struct Metered<S>(S);

#[inline]
fn step(n: u64) {
    let steps = STEPS
        .with(Cell::get)
        .saturating_add(n.saturating_mul(WEIGHT.with(Cell::get)));
    STEPS.with(|s| s.set(steps));
    if steps >= CHECK_AT.with(Cell::get) {
        checkpoint(steps);
    }
}

#[cold]
#[inline(never)]
fn checkpoint(steps: u64) {
    let limit = LIMIT.with(Cell::get);
    if steps > limit {
        halt(Halt::Fuel);
    }
    if crate::guest::meter::memory_pending() {
        crate::guest::meter::settle_memory();
    }
    if crate::guest::interrupt::is_tripped() {
        halt(Halt::Stopped);
    }
    CHECK_AT.with(|c| c.set(next_check(steps, limit)));
}

/// Where the checkpoint after one at `steps` goes: [`CHECK_EVERY`] on, before
/// the fuel's `limit`, and before the matcher's state could outgrow what is
/// left of the memory budget (the next checkpoint then finds it over).
fn next_check(steps: u64, limit: u64) -> u64 {
    let room = crate::alloc::headroom().map_or(CHECK_EVERY, |h| {
        (h as u64 / BYTES_PER_STEP).clamp(1, CHECK_EVERY)
    });
    steps.saturating_add(room).min(limit.saturating_add(1))
}

/// Leaves the matcher. Only [`pre_run`] calls the matcher on a [`Metered`]
/// text, and it catches this; `resume_unwind` does not run the panic hook.
#[cfg(panic = "unwind")]
fn halt(why: Halt) -> ! {
    std::panic::resume_unwind(Box::new(why))
}

#[cfg(not(panic = "unwind"))]
fn halt(_why: Halt) -> ! {
    unreachable!("pre-runs are disabled without unwinding")
}

impl<S: StrDrive> StrDrive for Metered<S> {
    fn count(&self) -> usize {
        self.0.count()
    }
    fn create_cursor(&self, n: usize) -> StringCursor {
        self.0.create_cursor(n)
    }
    fn adjust_cursor(&self, cursor: &mut StringCursor, n: usize) {
        // A cursor behind `n` moves forward; one past it restarts from 0.
        let moved = n.checked_sub(cursor.position).unwrap_or(n);
        step(1 + moved as u64 / 16);
        self.0.adjust_cursor(cursor, n)
    }
    #[inline]
    fn advance(cursor: &mut StringCursor) -> u32 {
        step(1);
        S::advance(cursor)
    }
    #[inline]
    fn peek(cursor: &StringCursor) -> u32 {
        step(1);
        S::peek(cursor)
    }
    #[inline]
    fn skip(cursor: &mut StringCursor, n: usize) {
        step(1 + n as u64 / 16);
        S::skip(cursor, n)
    }
    #[inline]
    fn back_advance(cursor: &mut StringCursor) -> u32 {
        step(1);
        S::back_advance(cursor)
    }
    #[inline]
    fn back_peek(cursor: &StringCursor) -> u32 {
        step(1);
        S::back_peek(cursor)
    }
    #[inline]
    fn back_skip(cursor: &mut StringCursor, n: usize) {
        step(1 + n as u64 / 16);
        S::back_skip(cursor, n)
    }
}

/// One request a pattern method is about to make of the matcher.
#[derive(Clone, Copy)]
enum Op {
    /// `match` (or `fullmatch`, with `all`) at `pos`.
    Match { all: bool, must_advance: bool },
    /// `search` from `pos`.
    Search { must_advance: bool },
    /// Every match from `pos` (`findall`, `sub`, `split`), at most `limit` (0:
    /// no limit).
    Each { limit: usize },
}

/// What the request found: whether it matched, and where the matcher's cursor
/// and start ended (a scanner's next position).
#[derive(Clone, Copy)]
struct Outcome {
    matched: bool,
    start: usize,
    end: usize,
    /// Matches found ([`Op::Each`]).
    found: usize,
}

/// Runs `op`. `slices`: for [`Op::Each`] over a `str`, the slices `_sre` then
/// cuts per match (each a walk from the start of the text to the match's end).
fn run<S: StrDrive>(
    text: S,
    code: &[u32],
    pos: usize,
    endpos: usize,
    op: Op,
    slices: u64,
) -> Outcome {
    let mut req = Request::new(Metered(text), pos, endpos, code, false);
    let mut state = State::default();
    let mut count = 0;
    let matched = match op {
        Op::Match { all, must_advance } => {
            req.match_all = all;
            req.must_advance = must_advance;
            state.py_match(&req)
        }
        Op::Search { must_advance } => {
            req.must_advance = must_advance;
            state.search(req)
        }
        Op::Each { limit } => {
            let mut found = 0;
            let mut iter = SearchIter { req, state };
            while (limit == 0 || found < limit) && iter.next().is_some() {
                found += 1;
                if slices > 0 {
                    let walk = slices.saturating_mul(iter.state.cursor.position as u64);
                    SLICED.with(|s| s.set(s.get().saturating_add(walk)));
                    // Walking code points is about 8 times cheaper than a step.
                    step(walk / 8);
                }
            }
            state = iter.state;
            count = found;
            found > 0
        }
    };
    Outcome {
        matched,
        start: state.start,
        end: state.cursor.position,
        found: count,
    }
}

/// Runs `op` on `string` through the meter and charges its steps; a stop or
/// exhausted fuel meanwhile ends the guest's call instead.
#[allow(clippy::too_many_arguments)]
fn pre_run(
    code: &[u32],
    isbytes: bool,
    groups: usize,
    string: &PyObject,
    pos: usize,
    endpos: usize,
    op: Op,
    slices: u64,
    vm: &VirtualMachine,
) -> PyResult<Outcome> {
    // The same views of the text `_sre` takes (and the same errors).
    let measured = if isbytes {
        PyBuffer::try_from_borrowed_object(vm, string)?.contiguous_or_collect(|b| {
            Ok(metered(groups, || run(b, code, pos, endpos, op, slices)))
        })?
    } else {
        let s = string.downcast_ref::<PyStr>().ok_or_else(|| {
            vm.new_type_error(format!("expected string got '{}'", string.class()))
        })?;
        metered(groups, || run(s.as_wtf8(), code, pos, endpos, op, slices))
    };
    match measured {
        Ok((outcome, steps)) => {
            fuel::charge(steps / STEPS_PER_UNIT, vm)?;
            let sliced = SLICED.with(Cell::get);
            if sliced > MAX_SLICED {
                return Err(vm.new_runtime_error(format!(
                    "regular expression result refused: building it walks {sliced} characters \
                     (each match is cut from the start of the text); use finditer"
                )));
            }
            Ok(outcome)
        }
        Err(Halt::Fuel) => Err(fuel::exhausted(vm)),
        Err(Halt::Stopped) => {
            crate::guest::meter::check_stopped(vm)?;
            Err(vm.new_runtime_error("the regular expression was stopped".to_owned()))
        }
    }
}

/// Runs `f` with the step meter set from the fuel left; its result and the
/// steps it took, or why it was ended.
/// `groups`: the pattern's capturing groups (they weigh each step).
#[cfg(panic = "unwind")]
fn metered<R>(groups: usize, f: impl FnOnce() -> R) -> Result<(R, u64), Halt> {
    let (_, left) = fuel::reading();
    let limit = left.map_or(u64::MAX, |l| l.saturating_mul(STEPS_PER_UNIT));
    metered_within(groups, limit, f)
}

/// [`metered`] with the steps limited to `limit`.
#[cfg(panic = "unwind")]
fn metered_within<R>(groups: usize, limit: u64, f: impl FnOnce() -> R) -> Result<(R, u64), Halt> {
    STEPS.with(|s| s.set(0));
    SLICED.with(|s| s.set(0));
    LIMIT.with(|l| l.set(limit));
    WEIGHT.with(|w| w.set(1 + groups as u64 / GROUPS_PER_WEIGHT));
    CHECK_AT.with(|c| c.set(next_check(0, limit)));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    CHECK_AT.with(|c| c.set(u64::MAX));
    let steps = STEPS.with(Cell::get);
    match result {
        Ok(r) => Ok((r, steps)),
        Err(payload) => match payload.downcast::<Halt>() {
            Ok(why) => Err(*why),
            // A bug in the matcher: not ours to swallow.
            Err(other) => std::panic::resume_unwind(other),
        },
    }
}

#[cfg(not(panic = "unwind"))]
fn metered<R>(_groups: usize, f: impl FnOnce() -> R) -> Result<(R, u64), Halt> {
    Ok((f(), 0))
}

/// The compiled code of `pattern` and whether it matches bytes, or an error if
/// `_sre.compile` did not make it.
fn compiled_of(pattern: &PyObject, vm: &VirtualMachine) -> PyResult<(Arc<[u32]>, bool, usize)> {
    PATTERNS
        .with(|p| {
            p.borrow().get(&pattern.get_id()).and_then(|c| {
                let same = c.pattern.upgrade().is_some_and(|o| o.is(pattern));
                same.then(|| (c.code.clone(), c.isbytes, c.groups))
            })
        })
        .ok_or_else(|| vm.new_type_error("not a pattern compiled in this sandbox".to_owned()))
}

/// What a result built from `found` matches, each making `per_match` new
/// objects, costs: the objects (and their list slots), `extra` bytes, and the
/// text, which the pieces may copy whole. Checked against what is left of the
/// memory budget before `_sre` builds it in one native loop:
/// `re.sub('', '\\g<0>' * 10000, 'a' * 1000)` was ten million pieces, past the
/// memory ceiling (a frozen thread).
fn reserve_result(
    found: usize,
    per_match: usize,
    extra: f64,
    string: &PyObject,
    what: &str,
    vm: &VirtualMachine,
) -> PyResult<()> {
    let pieces = (found as f64 + 1.0) * per_match as f64;
    crate::guest::meter::reserve(
        pieces * crate::guest::meter::PIECE as f64 + extra + text_len(string, vm),
        what,
        vm,
    )
}

/// Bytes of a `str` or bytes-like text (0 for anything else).
fn text_len(string: &PyObject, vm: &VirtualMachine) -> f64 {
    match string.downcast_ref::<PyStr>() {
        Some(s) => s.as_wtf8().len() as f64,
        None => string.try_bytes_like(vm, |b| b.len()).unwrap_or(0) as f64,
    }
}

/// Pre-runs `op` for the pattern `zelf`.
fn pre_run_pattern(
    zelf: &PyObject,
    string: &PyObject,
    pos: usize,
    endpos: usize,
    op: Op,
    vm: &VirtualMachine,
) -> PyResult<Outcome> {
    let (code, isbytes, groups) = compiled_of(zelf, vm)?;
    // `_sre` slices `str` results by walking code points; bytes are indexed.
    let slices = if isbytes { 0 } else { 1 + groups as u64 };
    pre_run(&code, isbytes, groups, string, pos, endpos, op, slices, vm)
}

#[derive(FromArgs)]
struct StringArgs {
    string: PyObjectRef,
    #[pyarg(any, default = 0)]
    pos: usize,
    #[pyarg(any, default = MAXSIZE)]
    endpos: usize,
}

#[derive(FromArgs)]
struct SubArgs {
    repl: PyObjectRef,
    string: PyObjectRef,
    #[pyarg(any, default = 0)]
    count: isize,
}

#[derive(FromArgs)]
struct SplitArgs {
    string: PyObjectRef,
    #[pyarg(any, default = 0)]
    maxsplit: isize,
}

/// Wraps `_sre.compile` and the matching methods of `re.Pattern` in `module`
/// (the `_sre` module, as the library loads it).
pub(crate) fn install(module: &PyObjectRef, vm: &VirtualMachine) -> PyResult<()> {
    if cfg!(not(panic = "unwind")) {
        return Ok(());
    }
    let compile = module.get_attr("compile", vm)?;
    let wrapped = vm.new_function(
        "compile",
        move |mut args: FuncArgs, vm: &VirtualMachine| -> PyResult {
            // compile(pattern, flags, code, groups, groupindex, indexgroup),
            // all positional (as `re._compiler` calls it): what is recorded
            // is then exactly what `_sre` reads.
            if args.args.len() != 6 || !args.kwargs.is_empty() {
                return Err(
                    vm.new_type_error("compile() takes exactly 6 positional arguments".to_owned())
                );
            }
            let code_arg = &mut args.args[2];
            // Converted once: the original gets these very numbers.
            let code: Vec<u32> = code_arg.clone().try_to_value(vm)?;
            *code_arg = vm
                .ctx
                .new_list(code.iter().map(|c| vm.ctx.new_int(*c).into()).collect())
                .into();
            let source = args.args.first().cloned();
            let groups: usize = args.args[3].clone().try_to_value(vm)?;
            let code = super::sre_code::metered(&code).map_err(|_| {
                vm.new_runtime_error(
                    "regular expression refused: its compiled form is not one the meter knows"
                        .to_owned(),
                )
            })?;
            let pattern = compile.call(args, vm)?;
            let isbytes =
                source.is_some_and(|s| !vm.is_none(&s) && s.downcast_ref::<PyStr>().is_none());
            let weak = pattern.downgrade(None, vm)?;
            PATTERNS.with(|p| {
                let mut p = p.borrow_mut();
                if p.len() >= 64 && p.len().is_power_of_two() {
                    p.retain(|_, c| c.pattern.upgrade().is_some());
                }
                p.insert(
                    pattern.get_id(),
                    Compiled {
                        pattern: weak,
                        code: code.into(),
                        isbytes,
                        groups,
                    },
                );
            });
            Ok(pattern)
        },
    );
    module.set_attr("compile", wrapped, vm)?;

    let ty = crate::guest::patch::module_type(module, "Pattern", vm)?;
    // The original scanner factory, for the metered scanner to drive.
    let make_scanner = ty
        .attributes
        .read()
        .get(vm.ctx.intern_str("scanner"))
        .cloned()
        .ok_or_else(|| vm.new_type_error("_sre.Pattern has no scanner".to_owned()))?;
    for name in ["match", "fullmatch", "search"] {
        replace_method(ty, name, vm, move |zelf, args, original, vm| {
            let StringArgs {
                string,
                pos,
                endpos,
            } = args.bind(vm)?;
            let op = match name {
                "search" => Op::Search {
                    must_advance: false,
                },
                _ => Op::Match {
                    all: name == "fullmatch",
                    must_advance: false,
                },
            };
            if !pre_run_pattern(&zelf, &string, pos, endpos, op, vm)?.matched {
                return Ok(vm.ctx.none());
            }
            original.call((zelf, string, pos, endpos), vm)
        });
    }
    replace_method(ty, "findall", vm, |zelf, args, original, vm| {
        let StringArgs {
            string,
            pos,
            endpos,
        } = args.bind(vm)?;
        let found = pre_run_pattern(&zelf, &string, pos, endpos, Op::Each { limit: 0 }, vm)?.found;
        // One object per group (and a tuple) per match.
        let (_, _, groups) = compiled_of(&zelf, vm)?;
        reserve_result(
            found,
            groups.max(1) + usize::from(groups > 1),
            0.0,
            &string,
            "re.findall()",
            vm,
        )?;
        original.call((zelf, string, pos, endpos), vm)
    });
    for name in ["sub", "subn"] {
        replace_method(ty, name, vm, move |zelf, args, original, vm| {
            let SubArgs {
                repl,
                string,
                count,
            } = args.bind(vm)?;
            // A negative count substitutes nothing, as in CPython (`_sre`
            // takes no negative count): the text comes back as it is.
            let Ok(count) = usize::try_from(count) else {
                // The pattern, text and template are checked as for any count:
                // the same call on an empty text of the same kind.
                let empty: PyObjectRef = if string.downcast_ref::<PyStr>().is_some() {
                    vm.ctx.new_str("").into()
                } else {
                    string.try_bytes_like(vm, |_| ())?;
                    vm.ctx.new_bytes(Vec::new()).into()
                };
                original.call((zelf.clone(), repl.clone(), empty, 1), vm)?;
                let text: PyObjectRef = match string.downcast_ref::<PyStr>() {
                    Some(s) => vm.ctx.new_str(s.as_wtf8()).into(),
                    None => vm.ctx.new_bytes(string.try_bytes_like(vm, |b| b.to_vec())?).into(),
                };
                return Ok(if name == "sub" {
                    text
                } else {
                    vm.ctx.new_tuple(vec![text, vm.ctx.new_int(0).into()]).into()
                });
            };
            let found =
                pre_run_pattern(&zelf, &string, 0, usize::MAX, Op::Each { limit: count }, vm)?
                    .found;
            // A template is expanded per match: its literal text and one piece
            // per part (a group reference starts with a backslash; a group's
            // text, over all the disjoint matches, is at most the string).
            let template = repl
                .downcast_ref::<PyStr>()
                .map(|r| r.as_wtf8().as_bytes().to_vec())
                .or_else(|| repl.try_bytes_like(vm, |b| b.to_vec()).ok());
            let (parts, literal, references) = match &template {
                Some(t) => {
                    let refs = memchr::memchr_iter(b'\\', t).count();
                    (2 * refs + 1, t.len(), refs)
                }
                // A function: what it returns is counted as it is made.
                None => (1, 0, 0),
            };
            reserve_result(
                found,
                parts + 1,
                found.saturating_mul(literal) as f64 + references as f64 * text_len(&string, vm),
                &string,
                if name == "sub" {
                    "re.sub()"
                } else {
                    "re.subn()"
                },
                vm,
            )?;
            // `_sre` holds the text's buffer while it calls a function `repl`;
            // one that resized the text (a `bytearray` it can reach) took the
            // buffer's lock twice, an interpreter panic. A mutable text is
            // matched as a snapshot of its bytes instead (what the pre-run
            // measured), so the function may change the original freely.
            let string = match &template {
                None if !string.class().is(vm.ctx.types.str_type)
                    && !string.class().is(vm.ctx.types.bytes_type) =>
                {
                    match string.try_bytes_like(vm, |b| b.to_vec()) {
                        Ok(copy) => vm.ctx.new_bytes(copy).into(),
                        Err(_) => string,
                    }
                }
                _ => string,
            };
            original.call((zelf, repl, string, count), vm)
        });
    }
    replace_method(ty, "split", vm, |zelf, args, original, vm| {
        let SplitArgs { string, maxsplit } = args.bind(vm)?;
        // A negative maxsplit splits nothing: `_sre` does not match at all.
        if let Ok(limit) = usize::try_from(maxsplit) {
            let found =
                pre_run_pattern(&zelf, &string, 0, usize::MAX, Op::Each { limit }, vm)?.found;
            // A piece between matches and one per group per match.
            let (_, _, groups) = compiled_of(&zelf, vm)?;
            reserve_result(found, groups + 1, 0.0, &string, "re.split()", vm)?;
        }
        original.call((zelf, string, maxsplit), vm)
    });
    for name in ["scanner", "finditer"] {
        let make_scanner = make_scanner.clone();
        replace_method(ty, name, vm, move |zelf, args, _original, vm| {
            let StringArgs {
                string,
                pos,
                endpos,
            } = args.bind(vm)?;
            let (code, isbytes, groups) = compiled_of(&zelf, vm)?;
            let inner = make_scanner.call((zelf.clone(), string.clone(), pos, endpos), vm)?;
            let scanner = MeteredScanner {
                inner,
                pattern: zelf,
                string,
                code,
                isbytes,
                groups,
                start: AtomicUsize::new(pos),
                end: endpos,
                must_advance: AtomicBool::new(false),
                exhausted: AtomicBool::new(false),
            }
            .into_ref(&vm.ctx);
            if name == "scanner" {
                return Ok(scanner.into());
            }
            let search = scanner.as_object().get_attr("search", vm)?;
            let search = ArgCallable::try_from_object(vm, search)?;
            Ok(PyCallableIterator::new(search, vm.ctx.none())
                .into_ref(&vm.ctx)
                .into())
        });
    }
    Ok(())
}

/// `Pattern.scanner()` and the engine of `Pattern.finditer()`: each `match` or
/// `search` is pre-run from the position the wrapped `_sre` scanner is at.
#[pyclass(module = "re", name = "SRE_Scanner")]
#[derive(Debug, PyPayload)]
pub(crate) struct MeteredScanner {
    inner: PyObjectRef,
    pattern: PyObjectRef,
    string: PyObjectRef,
    code: Arc<[u32]>,
    isbytes: bool,
    groups: usize,
    /// Mirrors of the wrapped scanner's position.
    start: AtomicUsize,
    end: usize,
    must_advance: AtomicBool,
    /// A call found nothing: every later one answers `None`, as CPython's
    /// scanner does, and the wrapped scanner is never asked again.
    exhausted: AtomicBool,
}

crate::guest::patch::refuse_construction!(MeteredScanner);

#[pyclass(flags(IMMUTABLETYPE), with(Constructor))]
impl MeteredScanner {
    #[pygetset]
    fn pattern(&self) -> PyObjectRef {
        self.pattern.clone()
    }

    #[pymethod(name = "match")]
    fn py_match(&self, vm: &VirtualMachine) -> PyResult {
        let op = Op::Match {
            all: false,
            must_advance: self.must_advance.load(Ordering::Relaxed),
        };
        self.step(op, "match", vm)
    }

    #[pymethod]
    fn search(&self, vm: &VirtualMachine) -> PyResult {
        let op = Op::Search {
            must_advance: self.must_advance.load(Ordering::Relaxed),
        };
        self.step(op, "search", vm)
    }
}

impl MeteredScanner {
    fn step(&self, op: Op, method: &'static str, vm: &VirtualMachine) -> PyResult {
        let start = self.start.load(Ordering::Relaxed);
        if self.exhausted.load(Ordering::Relaxed) || start > self.end {
            self.exhausted.store(true, Ordering::Relaxed);
            return Ok(vm.ctx.none());
        }
        let outcome = pre_run(
            &self.code,
            self.isbytes,
            self.groups,
            &self.string,
            start,
            self.end,
            op,
            0, // scanners cut nothing out of the text up front
            vm,
        )?;
        if !outcome.matched {
            // Where a failed run leaves the matcher's cursor is not a
            // position: with the metered code it differs from the original's,
            // and `_sre`'s scanner would go on from its own, unmeasured.
            self.exhausted.store(true, Ordering::Relaxed);
            return Ok(vm.ctx.none());
        }
        // On a match the wrapped scanner moves exactly so (same engine, same
        // request, the same match).
        self.must_advance
            .store(outcome.end == outcome.start, Ordering::Relaxed);
        self.start.store(outcome.end, Ordering::Relaxed);
        vm.call_method(&self.inner, method, ())
    }
}

/// Makes the scanner type (once per sandbox thread, before the type sweep).
pub(crate) fn init_types(_vm: &VirtualMachine) {
    MeteredScanner::make_static_type();
}

/// Drops this thread's pattern table (at sandbox teardown, on its thread).
pub(crate) fn release() {
    let _ = PATTERNS.try_with(|p| p.borrow_mut().clear());
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator of patterns over `a`, `b` and newlines:
    /// every construct the compiler emits (groups, alternatives, every kind of
    /// repeat, lookarounds, atomic groups, anchors, back-references and
    /// conditionals).
    struct Gen(u64);

    impl Gen {
        fn next(&mut self, n: u64) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (self.0 >> 33) % n
        }

        fn atom(&mut self, depth: u32, groups: &mut u32) -> String {
            let leaf = depth == 0 || self.next(3) == 0;
            if leaf {
                let leaves = [
                    "a", "b", ".", "[ab]", "[^a]", "^", "$", r"\b", r"\B", r"\A", r"\Z", "",
                ];
                let mut s = leaves[self.next(leaves.len() as u64) as usize].to_owned();
                if *groups > 0 && self.next(5) == 0 {
                    s = format!(r"\{}", 1 + self.next(u64::from(*groups)));
                }
                return s;
            }
            let inner = self.alternation(depth - 1, groups);
            match self.next(8) {
                0 | 1 => {
                    *groups += 1;
                    format!("({inner})")
                }
                2 => format!("(?:{inner})"),
                3 => format!("(?={inner})"),
                4 => format!("(?!{inner})"),
                5 => format!("(?>{inner})"),
                6 => format!("(?<=a)(?:{inner})"),
                _ if *groups > 0 => {
                    let g = 1 + self.next(u64::from(*groups));
                    let no = self.alternation(depth - 1, groups);
                    format!("(?({g}){inner}|{no})")
                }
                _ => format!("(?:{inner})"),
            }
        }

        fn repeated(&mut self, depth: u32, groups: &mut u32) -> String {
            let atom = self.atom(depth, groups);
            let quantifiers = [
                "", "", "*", "+", "?", "*?", "+?", "??", "{2}", "{0,3}", "{1,2}?", "*+", "++",
                "{2,}",
            ];
            let q = quantifiers[self.next(quantifiers.len() as u64) as usize];
            if q.is_empty() || atom.is_empty() || atom == "^" || atom.starts_with('\\') {
                return format!("(?:{atom}){q}");
            }
            format!("{atom}{q}")
        }

        fn sequence(&mut self, depth: u32, groups: &mut u32) -> String {
            let n = 1 + self.next(3);
            (0..n).map(|_| self.repeated(depth, groups)).collect()
        }

        fn alternation(&mut self, depth: u32, groups: &mut u32) -> String {
            let n = 1 + self.next(3) / 2;
            let alts: Vec<String> = (0..n).map(|_| self.sequence(depth, groups)).collect();
            alts.join("|")
        }

        fn text(&mut self) -> String {
            let n = self.next(8);
            (0..n)
                .map(|_| ['a', 'b', '\n', 'a'][self.next(4) as usize])
                .collect()
        }
    }

    /// The code the pre-run runs matches exactly what the original code does:
    /// for generated patterns and texts, `match`, `fullmatch` and `search`
    /// (with and without `must_advance`) and the list of all matches end the
    /// same, and never take fewer steps.
    #[test]
    fn the_metered_code_matches_what_the_original_does() {
        let runtime = crate::Runtime::default();
        let mut policy = crate::Policy::master();
        policy
            .max_memory(None)
            .unwrap()
            .deadline(None)
            .allow_import("re")
            .unwrap();
        let sb = runtime.sandbox(&policy).unwrap();
        sb.exec("import re").unwrap();
        let mut patterns_from = Gen(7);
        let mut patterns = Vec::new();
        while patterns.len() < 800 {
            let mut groups = 0;
            let p = patterns_from.alternation(2, &mut groups);
            // Python rejects some (a reference to a group still open).
            patterns.push(p);
        }
        let texts: Vec<String> = (0..10).map(|_| patterns_from.text()).collect();
        let checked = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let seen = checked.clone();
        let rewritten = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let steps_inserted = rewritten.clone();
        sb.run_native(Box::new(move |vm, globals| {
            let re = globals.get_item("re", vm)?;
            // The library's own modules (the guest sees views of them).
            let real_re = vm.import("re._compiler", 0)?;
            let parser = real_re.get_attr("_parser", vm)?;
            let compiler = real_re.get_attr("_compiler", vm)?;
            for p in &patterns {
                // The pattern through the sandbox's own `re.compile` (which
                // refuses code the meter does not know), and the original
                // code from the same compiler.
                let compiled = match re.get_attr("compile", vm)?.call((p.as_str(),), vm) {
                    Ok(c) => c,
                    Err(e) => {
                        let text = e.as_object().str(vm)?.to_string();
                        assert!(!text.contains("meter"), "{p:?} refused: {text}");
                        continue;
                    }
                };
                let parsed = parser.get_attr("parse", vm)?.call((p.as_str(), 0), vm)?;
                let original: Vec<u32> = compiler
                    .get_attr("_code", vm)?
                    .call((parsed, 0), vm)?
                    .try_to_value(vm)?;
                let (metered_code, _, groups) = compiled_of(&compiled, vm)?;
                if *metered_code != original[..] {
                    steps_inserted.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                }
                for t in &texts {
                    let ops = [
                        Op::Match {
                            all: false,
                            must_advance: false,
                        },
                        Op::Match {
                            all: true,
                            must_advance: false,
                        },
                        Op::Match {
                            all: false,
                            must_advance: true,
                        },
                        Op::Search {
                            must_advance: false,
                        },
                        Op::Search { must_advance: true },
                        Op::Each { limit: 0 },
                    ];
                    for op in ops {
                        let text = vm.ctx.new_str(t.as_str());
                        let once = |code: &[u32], limit| {
                            metered_within(groups, limit, || {
                                run(text.as_wtf8(), code, 0, MAXSIZE, op, 0)
                            })
                        };
                        // Some generated patterns are catastrophic (or loop in
                        // the engine): the original's work is bounded, the
                        // metered run's only by the test's deadline.
                        let Ok((a, a_steps)) = once(&original, 1 << 16) else {
                            continue;
                        };
                        let (b, b_steps) = once(&metered_code, 1 << 26)
                            .unwrap_or_else(|_| panic!("{p:?} on {t:?} halted"));
                        // Where a failed run leaves the cursor is no
                        // position (nothing reads it: a failed scanner is
                        // exhausted).
                        let ends = |o: &Outcome| o.matched.then_some((o.start, o.end));
                        assert_eq!(
                            (a.matched, ends(&a), a.found),
                            (b.matched, ends(&b), b.found),
                            "{p:?} on {t:?}"
                        );
                        assert!(b_steps >= a_steps, "{p:?} on {t:?}");
                    }
                }
                seen.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
            Ok(())
        }))
        .unwrap();
        let checked = checked.load(std::sync::atomic::Ordering::Relaxed);
        assert!(checked > 300, "only {checked} patterns compiled");
        let rewritten = rewritten.load(std::sync::atomic::Ordering::Relaxed);
        assert!(
            rewritten * 10 > checked * 8,
            "only {rewritten} of {checked} rewritten"
        );
    }
}
