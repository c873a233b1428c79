//! The compile pipeline of every text a sandbox runs (SPEC §5.1, §5.7):
//! parse, the AST passes (imports marked as the guest's, f-strings as checked
//! concatenations, fuel ticks), code generation, and the code object made
//! the interpreter's with the checked paths kept generic.
//!
//! # Fuel
//! Deterministic fuel: abstract work units counted as guest code runs.
//!
//! Guest source is instrumented between parsing and code generation. Every
//! place where Python can repeat work gets a *tick*:
//! - every loop (`for`, `async for`, `while`), once per iteration;
//! - the start of every function body (after its docstring), and every lambda;
//! - every `for` clause of a comprehension or generator expression, per item.
//!
//! Nothing else can repeat without passing one of these: a program that runs
//! forever either loops or calls. A tick charges its block's *weight*: the
//! number of statements the block runs straight through (statements inside
//! `if`/`try`/`with`/`match` count, those of nested loops and functions are
//! charged by their own ticks), at least 1.
//!
//! A tick is a string constant that starts with a per-process secret
//! ([`marker`]), so only the instrumentation can write it. After code
//! generation that constant is replaced, in the code object's constant table,
//! by a [`FuelTick`] object; the guest cannot shadow or rebind a constant. How a tick charges depends on where it stands, to add as few
//! instructions as possible (each costs ~10 ns in RustPython):
//! - a `for` (or comprehension clause) iterates `<tick>(iterable)`, a
//!   `iter::MeteredIter` that charges per item: no instruction is added to the loop;
//! - a `while` body or function body starts with `del <tick>.t`: `LOAD_CONST`,
//!   `DELETE_ATTR`, and a direct call of the tick's attribute slot; a small
//!   innermost `while` is first unrolled four times, so one tick pays for four
//!   iterations (see [`UNROLL`]);
//! - a lambda's body becomes `body if <tick> else None`, and an `async for`
//!   clause gets an `if <tick>` test: the tick's truth test charges.
//!
//! Natively driven iteration (`sum(range(10**12))`, `any(iter(int, 1))`, a
//! `sorted` of a generator) never runs a bytecode back edge; `iter` wraps the
//! `__next__` slot of every built-in iterator type to charge one unit per item
//! (see `meter::charge_native`).
//!
//! The meter is a thread-local of the sandbox thread: ticks cost one
//! subtraction and one comparison. The count is deterministic: it depends only on
//! the code and the path it takes.

mod fstring;
mod imports;
mod instrument;
mod source;
mod ticks;

pub(crate) use fstring::init_types as init_fstring_types;
pub(crate) use fstring::release as release_fstring;
pub(crate) use imports::guest_import_prefix;
pub(crate) use source::{check_source, SourceKind};
pub(crate) use ticks::{init_types, release};

use fstring::{concat_object, field_object, JoinFStrings};
use imports::MarkImports;
use instrument::Instrument;
use ruff_python_ast::visitor::transformer::Transformer;
use ruff_python_ast::{self as ast};
use rustpython_vm::builtins::PyCode;
use rustpython_vm::bytecode::{AsBag, BorrowedConstant, CodeObject, Constant, ConstantBag};
use rustpython_vm::compiler::{CompileError, CompileOpts, Mode};
use rustpython_vm::{Context, PyRef, VirtualMachine};
use ticks::tick_object;
use crate::guest::marker::marker;

/// Compiles text for a sandbox, ready to run in `vm`: guest source, and every
/// text the library's `exec`/`eval`/`compile` run (one pipeline). Its import
/// statements import as the guest ([`MarkImports`]), f-strings with several
/// fields become checked concatenations (`text::JoinFStrings`), and with
/// `instrument` the fuel ticks are inserted.
pub(crate) fn compile(
    vm: &VirtualMachine,
    source: &str,
    mode: Mode,
    filename: &str,
    instrument: bool,
) -> Result<PyRef<PyCode>, CompileError> {
    Ok(into_vm_code(compile_plain(source, mode, filename, instrument)?, vm))
}

/// Guest code compiled by the pipeline of [`compile`] and not yet loaded into
/// any interpreter: plain data, which any sandbox of the process can load
/// ([`load`]). Marked constants (fuel ticks, f-string joins) stay marks until
/// then.
#[derive(Clone)]
pub(crate) struct Compiled {
    code: CodeObject,
    /// Whether it carries fuel ticks.
    pub(crate) instrumented: bool,
    /// An expression (its value is the result) rather than statements.
    pub(crate) eval: bool,
}

/// [`compile`] without an interpreter: parsed, transformed and generated,
/// not loaded. Runs on a sandbox thread like any compilation (the parser and
/// code generator recurse).
pub(crate) fn compile_unloaded(
    source: &str,
    eval: bool,
    filename: &str,
    instrument: bool,
) -> Result<Compiled, CompileError> {
    let mode = if eval { Mode::Eval } else { Mode::Exec };
    Ok(Compiled {
        code: compile_plain(source, mode, filename, instrument)?,
        instrumented: instrument,
        eval,
    })
}

/// `compiled` as this interpreter's code object (each load gets its own, with
/// this interpreter's native constants).
pub(crate) fn load(compiled: &Compiled, vm: &VirtualMachine) -> PyRef<PyCode> {
    let bag = TickBag {
        inner: (&vm.ctx).as_bag(),
    };
    vm.ctx
        .new_code(keep_checked_paths_generic(compiled.code.map_clone_bag(&bag)))
}

fn compile_plain(
    source: &str,
    mode: Mode,
    filename: &str,
    instrument: bool,
) -> Result<CodeObject, CompileError> {
    use rustpython_vm::compiler::{codegen, parser};
    let source_file = ruff_source_file::SourceFileBuilder::new(filename, source).finish();
    let parser_mode = match mode {
        Mode::Eval => parser::Mode::Expression,
        _ => parser::Mode::Module,
    };
    let parsed = parser::parse(source, parser_mode.into())
        .map_err(|e| CompileError::from_ruff_parse_error(e, &source_file))?;
    let mut module = parsed.into_syntax();
    visit_module(&mut module, &MarkImports);
    visit_module(&mut module, &JoinFStrings);
    if instrument {
        visit_module(&mut module, &Instrument);
    }
    // After the ticks: the handler call is not guest work and weighs nothing.
    visit_module(&mut module, &MarkHandlers);
    Ok(codegen::compile::compile_top(module, source_file, mode, CompileOpts::default())?)
}

/// The AST pass that puts a call of the handler object first in every
/// `except` handler (`conform::raised`: CPython's words for the exception
/// the handler sees).
struct MarkHandlers;

impl Transformer for MarkHandlers {
    fn visit_stmt(&self, stmt: &mut ast::Stmt) {
        ruff_python_ast::visitor::transformer::walk_stmt(self, stmt);
        if let ast::Stmt::Try(t) = stmt {
            for handler in &mut t.handlers {
                let ast::ExceptHandler::ExceptHandler(h) = handler;
                let at = ruff_text_size::TextRange::empty(ruff_text_size::Ranged::range(&*h).start());
                let call = ast::Expr::Call(ast::ExprCall {
                    node_index: ast::AtomicNodeIndex::NONE,
                    range: at,
                    func: Box::new(crate::guest::marker::marked_literal("except", at)),
                    arguments: ast::Arguments {
                        range: at,
                        node_index: ast::AtomicNodeIndex::NONE,
                        args: Box::default(),
                        keywords: Box::default(),
                    },
                });
                h.body.insert(
                    0,
                    ast::Stmt::Expr(ast::StmtExpr {
                        node_index: ast::AtomicNodeIndex::NONE,
                        range: at,
                        value: Box::new(call),
                    }),
                );
            }
        }
    }
}

fn visit_module(module: &mut ast::Mod, pass: &impl Transformer) {
    match module {
        ast::Mod::Module(m) => {
            for stmt in &mut m.body {
                pass.visit_stmt(stmt);
            }
        }
        ast::Mod::Expression(e) => pass.visit_expr(&mut e.body),
    }
}

/// Turns a compiled code object into the interpreter's: every marked constant
/// is replaced by its native object (a [`FuelTick`], the f-string
/// concatenation); and in every code object (nested ones too) integer
/// multiplication is kept on the checked path ([`keep_checked_paths_generic`]).
fn into_vm_code(code: CodeObject, vm: &VirtualMachine) -> PyRef<PyCode> {
    let bag = TickBag {
        inner: (&vm.ctx).as_bag(),
    };
    vm.ctx.new_code(keep_checked_paths_generic(code.map_bag(bag)))
}

/// Rewrites every `*` and `*=`, and every one-argument call, of `code` so the
/// interpreter never specialises them.
///
/// RustPython's adaptive interpreter turns a `BINARY_OP` that has seen two
/// exact ints into `BINARY_OP_MULTIPLY_INT`, which multiplies the two big
/// integers directly and never calls `int.__mul__`: the bound on integer size
/// (`Policy::max_int_bits`, checked in the int slots by `bounds/int.rs`) would not
/// hold for repeated squaring. The instruction is replaced by
/// `BINARY_OP_EXTEND` with the same operator: same size and cache layout, and
/// with no cached descriptor it always takes the generic path (the slots).
/// Nothing specialises it again: only a plain `BINARY_OP` is adaptive.
///
/// A call with one argument is kept off the same way: RustPython specialises
/// `str(x)` into `CALL_STR_1`, which converts an exact `int` to text by a fast
/// path no slot sees (the 4300-digit limit did not hold after two runs of the
/// same `str(x)`), and `tuple(x)` into `CALL_TUPLE_1`, which copies `x` without
/// the size check of `tuple`'s constructor. Every one-argument `CALL` becomes
/// `CALL_TYPE_1`, whose only fast path is `type(x)` (returning the class) and
/// which otherwise takes the generic call path; it is not adaptive either.
fn keep_checked_paths_generic<C: Constant>(mut code: CodeObject<C>) -> CodeObject<C> {
    use rustpython_compiler_core::bytecode::{
        oparg::BinaryOperator, CodeUnit, CodeUnits, Instruction, OpArgState,
    };
    let mut state = OpArgState::default();
    let mut changed = false;
    let units: Vec<CodeUnit> = code
        .instructions
        .iter()
        .map(|&unit| {
            let (op, arg) = state.get(unit);
            match op {
                Instruction::BinaryOp { op: operator }
                    if matches!(
                        operator.try_get(arg),
                        Ok(BinaryOperator::Multiply | BinaryOperator::InplaceMultiply)
                    ) =>
                {
                    changed = true;
                    CodeUnit {
                        op: Instruction::BinaryOpExtend,
                        arg: unit.arg,
                    }
                }
                // A one-argument call: see the function's doc.
                Instruction::Call { argc } if argc.get(arg) == 1 => {
                    changed = true;
                    CodeUnit {
                        op: Instruction::CallType1,
                        arg: unit.arg,
                    }
                }
                _ => unit,
            }
        })
        .collect();
    if changed {
        code.instructions = CodeUnits::from(units);
    }
    code
}

type PyBag<'a> = <&'a Context as AsBag>::Bag;

#[derive(Clone, Copy)]
struct TickBag<'a> {
    inner: PyBag<'a>,
}

impl<'a> ConstantBag for TickBag<'a> {
    type Constant = <PyBag<'a> as ConstantBag>::Constant;

    fn make_constant<C: Constant>(&self, constant: BorrowedConstant<'_, C>) -> Self::Constant {
        match constant {
            BorrowedConstant::Str { value } => {
                match value.as_str().ok().and_then(|s| s.strip_prefix(marker())) {
                    Some("concat") => concat_object().into(),
                    Some("field") => field_object().into(),
                    Some("except") => crate::guest::conform::raised::handler_object().into(),
                    Some(tick) => {
                        // Only the instrumentation writes marked constants, and
                        // its weights are at least 1.
                        let weight = tick
                            .strip_prefix("tick ")
                            .and_then(|w| w.parse::<u32>().ok())
                            .filter(|&w| w > 0)
                            .unwrap_or(1);
                        tick_object(weight).into()
                    }
                    None => self
                        .inner
                        .make_constant::<C>(BorrowedConstant::Str { value }),
                }
            }
            // Nested code (functions, lambdas, comprehensions, classes) is
            // converted with this bag too, so its ticks are replaced as well.
            BorrowedConstant::Code { code } => self.make_code(code.map_clone_bag(self)),
            other => self.inner.make_constant(other),
        }
    }

    fn make_int(&self, value: malachite_bigint::BigInt) -> Self::Constant {
        self.inner.make_int(value)
    }

    fn make_tuple(&self, elements: impl Iterator<Item = Self::Constant>) -> Self::Constant {
        self.inner.make_tuple(elements)
    }

    fn make_code(&self, code: CodeObject<Self::Constant>) -> Self::Constant {
        self.inner.make_code(keep_checked_paths_generic(code))
    }

    fn make_name(&self, name: &str) -> <Self::Constant as Constant>::Name {
        self.inner.make_name(name)
    }
}
