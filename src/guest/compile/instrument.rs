//! Where the fuel ticks go (SPEC §5.7): the AST pass that puts a tick of the
//! right weight at every place Python can repeat work, and unrolls small
//! innermost `while` loops.

use ruff_python_ast::visitor::transformer::{walk_expr, walk_stmt, Transformer};
use ruff_python_ast::{self as ast, AtomicNodeIndex, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};
use crate::guest::marker::marked_literal;

/// The AST pass that inserts ticks.
pub(super) struct Instrument;

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
