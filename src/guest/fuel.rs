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


use super::marker::{marked_literal, marker};
use ruff_python_ast::visitor::transformer::{walk_expr, walk_stmt, Transformer};
use ruff_python_ast::{self as ast, AtomicNodeIndex, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};
use rustpython_vm::builtins::PyCode;
use rustpython_vm::builtins::PyStr;
use rustpython_vm::bytecode::{AsBag, BorrowedConstant, CodeObject, Constant, ConstantBag};
use rustpython_vm::class::{PyClassImpl, StaticType};
use rustpython_vm::compiler::{CompileError, CompileOpts, Mode};
use rustpython_vm::function::PySetterValue;
use rustpython_vm::protocol::{PyNumber, PyNumberMethods};
use rustpython_vm::types::{
    AsNumber, Callable, Constructor, Representable, SetAttr,
};
use rustpython_vm::AsObject;
use rustpython_vm::{
    pyclass, Context, Py, PyObjectRef, PyPayload, PyRef, PyResult, VirtualMachine,
};
use std::cell::RefCell;
use std::collections::HashMap;

thread_local! {
    /// One tick object per weight (per sandbox thread).
    static TICKS: RefCell<HashMap<u32, PyObjectRef>> = RefCell::new(HashMap::new());
}

/// The object behind every tick constant: its truth test charges its weight.
#[pyclass(module = false, name = "fuel_tick")]
#[derive(Debug, PyPayload)]
pub(crate) struct FuelTick {
    weight: u64,
}

super::patch::refuse_construction!(FuelTick);

#[pyclass(
    flags(IMMUTABLETYPE),
    with(Constructor, AsNumber, SetAttr, Callable, Representable)
)]
impl FuelTick {}

impl Callable for FuelTick {
    type Args = (PyObjectRef,);

    /// `tick(iterable)`: the iterator of a `for` loop or comprehension clause,
    /// metered: each item it gives costs the tick's weight.
    fn call(zelf: &Py<Self>, (iterable,): Self::Args, vm: &VirtualMachine) -> PyResult {
        let inner: PyObjectRef = iterable.get_iter(vm)?.into();
        let Some(next) = inner.class().slots.iternext.load() else {
            return Err(vm.new_type_error("iter() returned a non-iterator"));
        };
        Ok(super::iter::metered(inner, next, zelf.weight, vm))
    }
}

impl SetAttr for FuelTick {
    fn setattro(
        zelf: &Py<Self>,
        _name: &Py<PyStr>,
        _value: PySetterValue,
        vm: &VirtualMachine,
    ) -> PyResult<()> {
        super::meter::charge(zelf.weight, vm)?;
        super::finalize::safe_point(vm);
        Ok(())
    }
}

impl AsNumber for FuelTick {
    fn as_number() -> &'static PyNumberMethods {
        static AS_NUMBER: PyNumberMethods = PyNumberMethods {
            boolean: Some(tick_bool),
            ..PyNumberMethods::NOT_IMPLEMENTED
        };
        &AS_NUMBER
    }
}

fn tick_bool(number: PyNumber<'_>, vm: &VirtualMachine) -> PyResult<bool> {
    let weight = number
        .obj
        .downcast_ref::<FuelTick>()
        .map_or(1, |t| t.weight);
    super::meter::charge(weight, vm)?;
    super::finalize::safe_point(vm);
    Ok(true)
}

impl Representable for FuelTick {
    fn repr_str(_zelf: &Py<Self>, _vm: &VirtualMachine) -> PyResult<String> {
        Ok("<fuel tick>".to_owned())
    }
}

/// Makes the tick type (once per sandbox thread, before the type sweep).
pub(crate) fn init_types(_vm: &VirtualMachine) {
    FuelTick::make_static_type();
    super::iter::init_types();
}

fn tick_object(weight: u32) -> PyObjectRef {
    TICKS.with(|t| {
        t.borrow_mut()
            .entry(weight)
            .or_insert_with(|| {
                PyRef::new_ref(
                    FuelTick {
                        weight: u64::from(weight),
                    },
                    FuelTick::static_type().to_owned(),
                    None,
                )
                .into()
            })
            .clone()
    })
}

/// Drops this thread's tick objects (at sandbox teardown, on its thread).
pub(crate) fn release() {
    let _ = TICKS.try_with(|t| t.borrow_mut().clear());
}

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
    visit_module(&mut module, &super::text::JoinFStrings);
    if instrument {
        visit_module(&mut module, &Instrument);
    }
    let code = codegen::compile::compile_top(module, source_file, mode, CompileOpts::default())?;
    Ok(into_vm_code(code, vm))
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
/// (`Policy::max_int_bits`, checked in the int slots by `native`) would not
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
                    Some("concat") => super::text::concat_object().into(),
                    Some("field") => super::text::field_object().into(),
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

/// The prefix of the module name of an import statement compiled by
/// [`compile`]: the statement imports as the guest (`library::import`).
pub(crate) fn guest_import_prefix() -> &'static str {
    static PREFIX: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    PREFIX.get_or_init(|| format!("{}import ", marker()))
}

/// The AST pass that marks every import statement of text compiled in a
/// sandbox as the guest's: its module name gets [`guest_import_prefix`], which
/// no identifier can spell (it starts with a NUL and holds the per-process
/// secret). The interpreter's `__import__` (which every import statement and
/// native code call) therefore knows who is importing from the statement
/// itself: a marked name is the guest's (compiled at run time in the
/// sandbox), an unmarked one the library's frozen code or native code. An
/// `import a` gets `as a`, so it still binds the name it imports.
/// `from __future__ import ...` stays as it is (the compiler reads the name);
/// at run time it is refused like any module outside the library.
struct MarkImports;

impl MarkImports {
    fn marked(name: &str, range: TextRange) -> ast::Identifier {
        ast::Identifier::new(format!("{}{name}", guest_import_prefix()), range)
    }
}

impl Transformer for MarkImports {
    fn visit_stmt(&self, stmt: &mut Stmt) {
        match stmt {
            Stmt::Import(import) => {
                for alias in &mut import.names {
                    let name = alias.name.as_str().to_owned();
                    if alias.asname.is_none() {
                        let top = name.split('.').next().unwrap_or(&name);
                        alias.asname = Some(ast::Identifier::new(top, alias.name.range));
                    }
                    alias.name = Self::marked(&name, alias.name.range);
                }
            }
            Stmt::ImportFrom(from) => {
                let module = from.module.as_ref().map(|m| m.as_str().to_owned());
                if from.level != 0 || module.as_deref() != Some("__future__") {
                    from.module = Some(Self::marked(module.as_deref().unwrap_or(""), from.range));
                }
            }
            _ => walk_stmt(self, stmt),
        }
    }
}

/// The AST pass that inserts ticks.
struct Instrument;

fn tick_expr(weight: u32, at: TextRange) -> Expr {
    marked_literal(&format!("tick {weight}"), at)
}

/// `del <tick>.t`: `LOAD_CONST`, `DELETE_ATTR`, two instructions and a direct
/// call of the tick's attribute slot (a truth test would take three).
/// `<tick>(iterable)`: a metered iterator (see `iter::MeteredIter`).
fn metered(weight: u32, iterable: Expr) -> Expr {
    let at = TextRange::empty(iterable.range().start());
    Expr::Call(ast::ExprCall {
        node_index: AtomicNodeIndex::NONE,
        range: iterable.range(),
        func: Box::new(tick_expr(weight, at)),
        arguments: ast::Arguments {
            range: iterable.range(),
            node_index: AtomicNodeIndex::NONE,
            args: vec![iterable].into_boxed_slice(),
            keywords: Box::default(),
        },
    })
}

fn placeholder() -> Expr {
    Expr::NoneLiteral(ast::ExprNoneLiteral {
        node_index: AtomicNodeIndex::NONE,
        range: TextRange::default(),
    })
}

fn tick_stmt(weight: u32, at: TextRange) -> Stmt {
    Stmt::Delete(ast::StmtDelete {
        node_index: AtomicNodeIndex::NONE,
        range: at,
        targets: vec![Expr::Attribute(ast::ExprAttribute {
            node_index: AtomicNodeIndex::NONE,
            range: at,
            value: Box::new(tick_expr(weight, at)),
            attr: ast::Identifier::new("t", at),
            ctx: ast::ExprContext::Del,
        })],
    })
}

/// Statements a block runs straight through: nested loop and function bodies
/// are charged by their own ticks.
fn weight(body: &[Stmt]) -> u32 {
    fn count(body: &[Stmt]) -> u64 {
        body.iter()
            .map(|s| {
                1 + match s {
                    Stmt::If(s) => {
                        count(&s.body)
                            + s.elif_else_clauses
                                .iter()
                                .map(|c| count(&c.body))
                                .sum::<u64>()
                    }
                    Stmt::With(s) => count(&s.body),
                    Stmt::Try(s) => {
                        count(&s.body)
                            + count(&s.orelse)
                            + count(&s.finalbody)
                            + s.handlers
                                .iter()
                                .map(|h| match h {
                                    ast::ExceptHandler::ExceptHandler(h) => count(&h.body),
                                })
                                .sum::<u64>()
                    }
                    Stmt::Match(s) => s.cases.iter().map(|c| count(&c.body)).sum(),
                    _ => 0,
                }
            })
            .sum()
    }
    count(body).clamp(1, u64::from(u32::MAX)) as u32
}

/// Where a tick for `body` goes: an empty range at the start of its first
/// statement (tracebacks then name that line).
fn start_of(body: &[Stmt], fallback: TextRange) -> TextRange {
    let at = body.first().map_or(fallback, Ranged::range);
    TextRange::empty(at.start())
}

fn is_docstring(stmt: &Stmt) -> bool {
    matches!(stmt, Stmt::Expr(e) if matches!(*e.value, Expr::StringLiteral(_)))
}

impl Instrument {
    fn tick_body(&self, body: &mut Vec<Stmt>, fallback: TextRange, skip_docstring: bool) {
        let w = weight(body);
        let at = start_of(body, fallback);
        let index = usize::from(skip_docstring && body.first().is_some_and(is_docstring));
        body.insert(index, tick_stmt(w, at));
    }

    /// Instruments a `while`: one tick per iteration, or, for a small
    /// innermost loop (see [`unrollable`]), one tick per [`UNROLL`]
    /// iterations that charges all of them.
    fn tick_while(&self, w: &mut ast::StmtWhile) {
        if !unrollable(w) {
            return self.tick_body(&mut w.body, w.range, false);
        }
        let each = weight(&w.body);
        let at = start_of(&w.body, w.range);
        let once = std::mem::take(&mut w.body);
        let endless = matches!(&*w.test, Expr::BooleanLiteral(b) if b.value);
        let mut body = Vec::with_capacity(1 + UNROLL * (once.len() + 1));
        body.push(tick_stmt(each.saturating_mul(UNROLL as u32), at));
        for copy in 0..UNROLL {
            if copy > 0 && !endless {
                body.push(break_unless(&w.test));
            }
            body.extend(once.iter().cloned());
        }
        w.body = body;
    }
}

/// How many iterations of a small innermost `while` one tick pays for.
///
/// The tick (`LOAD_CONST`, `DELETE_ATTR` and a native call) costs about as
/// much as a short loop body; unrolled, the loop
/// `while t: B` becomes `while t: <tick>; B; if not t: break; B; …` with
/// [`UNROLL`] copies of `B`. The test runs exactly as often as before (before
/// each iteration and once more at the end), `continue` goes back to the loop
/// test as before, and `break` leaves the loop as before: the program means
/// the same; only the fuel is charged in advance for the next [`UNROLL`]
/// iterations (at most `UNROLL - 1` iterations' worth more than they used).
const UNROLL: usize = 4;

/// Source bytes of a loop's test and body above which a `while` is not
/// unrolled: the copies cost compile time and memory (at most [`UNROLL`] times
/// the source), and a long body amortises its tick anyway.
const UNROLL_MAX_BODY: usize = 512;

/// Whether a `while` is unrolled: no `else` (its `break`s would skip it), a
/// short body, and nothing in its body or test that compiles to a scope of its
/// own or must appear once (functions, classes, lambdas, comprehensions, type
/// aliases, annotations, `global`/`nonlocal`) or loops itself.
fn unrollable(w: &ast::StmtWhile) -> bool {
    use ruff_python_ast::visitor::{self, Visitor};
    struct Leaf(bool);
    impl<'a> Visitor<'a> for Leaf {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            match stmt {
                Stmt::FunctionDef(_)
                | Stmt::ClassDef(_)
                | Stmt::TypeAlias(_)
                | Stmt::AnnAssign(_)
                | Stmt::For(_)
                | Stmt::While(_)
                | Stmt::Global(_)
                | Stmt::Nonlocal(_)
                | Stmt::IpyEscapeCommand(_) => self.0 = false,
                _ => visitor::walk_stmt(self, stmt),
            }
        }
        fn visit_expr(&mut self, expr: &'a Expr) {
            match expr {
                Expr::Lambda(_)
                | Expr::ListComp(_)
                | Expr::SetComp(_)
                | Expr::DictComp(_)
                | Expr::Generator(_)
                | Expr::IpyEscapeCommand(_) => self.0 = false,
                _ => visitor::walk_expr(self, expr),
            }
        }
    }
    let Some(last) = w.body.last() else {
        return false;
    };
    // From the test to the end of the body: every part that is copied.
    let span = last.range().end() - w.test.range().start();
    if !w.orelse.is_empty() || span.to_usize() > UNROLL_MAX_BODY {
        return false;
    }
    let mut leaf = Leaf(true);
    leaf.visit_expr(&w.test);
    leaf.visit_body(&w.body);
    leaf.0
}

/// `if not <test>: break`, placed where the unrolled loop would have jumped
/// back to its test (the test's own position, for tracebacks).
fn break_unless(test: &Expr) -> Stmt {
    let at = test.range();
    Stmt::If(ast::StmtIf {
        node_index: AtomicNodeIndex::NONE,
        range: at,
        test: Box::new(Expr::UnaryOp(ast::ExprUnaryOp {
            node_index: AtomicNodeIndex::NONE,
            range: at,
            op: ast::UnaryOp::Not,
            operand: Box::new(test.clone()),
        })),
        body: vec![Stmt::Break(ast::StmtBreak {
            node_index: AtomicNodeIndex::NONE,
            range: at,
        })],
        elif_else_clauses: Vec::new(),
    })
}

impl Transformer for Instrument {
    fn visit_stmt(&self, stmt: &mut Stmt) {
        // Children first: the inserted tick is not itself visited.
        walk_stmt(self, stmt);
        match stmt {
            Stmt::FunctionDef(f) => self.tick_body(&mut f.body, f.range, true),
            // A `for` pays per item, in its iterator: no instruction is added
            // to the loop (an `async for` pays in its body).
            Stmt::For(f) if !f.is_async => {
                let iterable = std::mem::replace(&mut *f.iter, placeholder());
                *f.iter = metered(weight(&f.body), iterable);
            }
            Stmt::For(f) => self.tick_body(&mut f.body, f.range, false),
            Stmt::While(w) => self.tick_while(w),
            _ => {}
        }
    }

    fn visit_expr(&self, expr: &mut Expr) {
        walk_expr(self, expr);
        match expr {
            Expr::Lambda(l) => {
                // `lambda: body` becomes `lambda: body if <tick> else None`.
                let at = TextRange::empty(Ranged::range(&*l.body).start());
                let body = Box::new(std::mem::replace(&mut *l.body, placeholder()));
                *l.body = Expr::If(ast::ExprIf {
                    node_index: AtomicNodeIndex::NONE,
                    range: at,
                    test: Box::new(tick_expr(1, at)),
                    body,
                    orelse: Box::new(placeholder()),
                });
            }
            Expr::ListComp(ast::ExprListComp { generators, .. })
            | Expr::SetComp(ast::ExprSetComp { generators, .. })
            | Expr::DictComp(ast::ExprDictComp { generators, .. })
            | Expr::Generator(ast::ExprGenerator { generators, .. }) => {
                for g in generators {
                    if g.is_async {
                        let at = TextRange::empty(Ranged::range(&g.target).start());
                        g.ifs.insert(0, tick_expr(1, at));
                    } else {
                        let iterable = std::mem::replace(&mut g.iter, placeholder());
                        g.iter = metered(1, iterable);
                    }
                }
            }
            _ => {}
        }
    }
}
