//! The compile pass that builds every f-string of two or more fields through
//! a checked concatenation, and the runtime objects it calls (SPEC §5.6, §5.8).

use ruff_python_ast::visitor::transformer::{walk_expr, Transformer};
use ruff_python_ast::{self as ast, AtomicNodeIndex, Expr};
use rustpython_vm::builtins::PyStr;
use rustpython_vm::class::{PyClassImpl, StaticType};
use rustpython_vm::common::wtf8::Wtf8Buf;
use rustpython_vm::function::FuncArgs;
use rustpython_vm::types::{Callable, Constructor};
use rustpython_vm::{pyclass, AsObject, Py, PyObjectRef, PyPayload, PyRef, PyResult, VirtualMachine};
use crate::guest::meter::reserve;

/// The AST pass that builds every f-string with two or more replacement
/// fields through `<concat>(piece, ...)`, a [`Concat`] that checks the sum of
/// its pieces' sizes before it allocates: `BUILD_STRING` would paste
/// `f'{x}{x}{x}...'` of a long `x` into one unchecked allocation. Each field
/// becomes an f-string of its own (conversion, format spec and `=` debug text
/// kept), evaluated in the same order.
pub(crate) struct JoinFStrings;

impl Transformer for JoinFStrings {
    fn visit_expr(&self, expr: &mut Expr) {
        walk_expr(self, expr);
        if let Expr::BinOp(op) = expr {
            check_percent_literal(op);
            return;
        }
        let Expr::FString(f) = expr else {
            return;
        };
        check_plain_fields(f);
        let fields: usize = f
            .value
            .iter()
            .map(|part| match part {
                ast::FStringPart::FString(s) => s.elements.interpolations().count(),
                ast::FStringPart::Literal(_) => 0,
            })
            .sum();
        if fields < 2 {
            return;
        }
        let at = f.range;
        let literal = |value: Box<str>| {
            Expr::StringLiteral(ast::ExprStringLiteral {
                node_index: AtomicNodeIndex::NONE,
                range: at,
                value: ast::StringLiteralValue::single(ast::StringLiteral {
                    range: at,
                    node_index: AtomicNodeIndex::NONE,
                    value,
                    flags: ast::StringLiteralFlags::empty(),
                }),
            })
        };
        let mut pieces = Vec::new();
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(s) => pieces.push(literal(s.value.clone())),
                ast::FStringPart::FString(s) => {
                    for element in s.elements.iter() {
                        match element {
                            ast::InterpolatedStringElement::Literal(l) => {
                                pieces.push(literal(l.value.clone()))
                            }
                            field @ ast::InterpolatedStringElement::Interpolation(_) => pieces
                                .push(Expr::FString(ast::ExprFString {
                                    node_index: AtomicNodeIndex::NONE,
                                    range: at,
                                    value: ast::FStringValue::single(ast::FString {
                                        range: at,
                                        node_index: AtomicNodeIndex::NONE,
                                        elements: vec![field.clone()].into(),
                                        flags: s.flags,
                                    }),
                                })),
                        }
                    }
                }
            }
        }
        *expr = Expr::Call(ast::ExprCall {
            node_index: AtomicNodeIndex::NONE,
            range: at,
            func: Box::new(crate::guest::marker::marked_literal("concat", at)),
            arguments: ast::Arguments {
                range: at,
                node_index: AtomicNodeIndex::NONE,
                args: pieces.into_boxed_slice(),
                keywords: Box::default(),
            },
        });
    }
}

/// Wraps the value of every field of `f` that may write an `int` in decimal
/// (no conversion or `!s`, and a spec that is absent, empty, computed when it
/// runs, or decimal) in `<field>(value)`, a [`FieldCheck`]: the interpreter
/// formats an exact `int` with an empty spec without its `__str__` or
/// `__format__` (a fast path), so `f'{10**5000}'` converted 5,000 digits past
/// the 4300-digit limit that `str()` and `format()` keep (and at the `int`
/// size limit, a native conversion of over a second).
fn check_plain_fields(f: &mut ast::ExprFString) {
    for part in f.value.iter_mut() {
        let ast::FStringPart::FString(s) = part else {
            continue;
        };
        for element in s.elements.iter_mut() {
            let ast::InterpolatedStringElement::Interpolation(field) = element else {
                continue;
            };
            // `!r` and `!a` go through the `int` repr, which is checked. Any
            // other field may reach the fast path: with no spec, an empty one
            // (`f'{x:}'`, or one that is empty only when it runs), or `!s`
            // before any spec. A field with a spec is checked only when its
            // value is an exact `int` of too many digits for decimal text,
            // which a non-decimal spec (`:x`) would not need: those pass.
            let by_str = matches!(
                field.conversion,
                ast::ConversionFlag::None | ast::ConversionFlag::Str
            );
            if !by_str {
                continue;
            }
            let decimal_only = field.conversion == ast::ConversionFlag::Str
                || field
                    .format_spec
                    .as_ref()
                    .is_none_or(|spec| spec_may_be_empty_or_decimal(spec));
            if !decimal_only {
                continue;
            }
            wrap_in_field_check(&mut field.expression);
        }
    }
}

/// Whether a format spec may write an `int` in decimal (or by the fast path):
/// empty, nested fields (known only when it runs), or literal text that does
/// not end in a non-decimal presentation type.
fn spec_may_be_empty_or_decimal(spec: &ast::InterpolatedStringFormatSpec) -> bool {
    let mut text = String::new();
    for element in spec.elements.iter() {
        match element {
            ast::InterpolatedStringElement::Literal(l) => text.push_str(&l.value),
            ast::InterpolatedStringElement::Interpolation(_) => return true,
        }
    }
    !matches!(
        text.chars().last(),
        Some('b' | 'o' | 'x' | 'X' | 'c' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%')
    )
}

/// `value` becomes `<field>(value)` (see [`FieldCheck`]).
fn wrap_in_field_check(value: &mut Expr) {
    // The expression's own range: an `=` debug text is cut from it.
    let at = ruff_text_size::Ranged::range(&*value);
    let inner = std::mem::replace(
        value,
        Expr::NoneLiteral(ast::ExprNoneLiteral {
            node_index: AtomicNodeIndex::NONE,
            range: at,
        }),
    );
    *value = Expr::Call(ast::ExprCall {
        node_index: AtomicNodeIndex::NONE,
        range: at,
        func: Box::new(crate::guest::marker::marked_literal("field", at)),
        arguments: ast::Arguments {
            range: at,
            node_index: AtomicNodeIndex::NONE,
            args: vec![inner].into_boxed_slice(),
            keywords: Box::default(),
        },
    });
}

/// `'...%s...' % (a, b)` with a literal template and a literal tuple: the
/// compiler turns it into f-string code (CPython's optimization), which writes
/// an exact `int` by the fast path; each element whose conversion writes
/// decimal text (`s`, `r`, `a`, `d`, `i`, `u`) is wrapped in the field check.
/// A template this reading does not follow (a mapping key, `*`) is left alone
/// (the compiler does not turn those into f-string code either).
fn check_percent_literal(op: &mut ast::ExprBinOp) {
    if op.op != ast::Operator::Mod {
        return;
    }
    let (Expr::StringLiteral(template), Expr::Tuple(items)) = (&*op.left, &mut *op.right) else {
        return;
    };
    let Some(conversions) = percent_conversions(template.value.to_str()) else {
        return;
    };
    if conversions.len() != items.elts.len() {
        return;
    }
    for (item, conversion) in items.elts.iter_mut().zip(conversions) {
        if matches!(conversion, 's' | 'r' | 'a' | 'd' | 'i' | 'u') && !item.is_starred_expr() {
            wrap_in_field_check(item);
        }
    }
}

/// The conversion characters of a `%` template, in order, or `None` for a
/// template with a mapping key or a `*` width or precision.
fn percent_conversions(template: &str) -> Option<Vec<char>> {
    let mut out = Vec::new();
    let mut chars = template.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            continue;
        }
        loop {
            match chars.next()? {
                // `%%`: a literal percent sign, no argument.
                '%' => break,
                '(' | '*' => return None,
                '-' | '+' | ' ' | '#' | '0'..='9' | '.' | 'h' | 'l' | 'L' => continue,
                conversion => {
                    out.push(conversion);
                    break;
                }
            }
        }
    }
    Some(out)
}

/// The callable behind the marked `field` constant: returns its one argument,
/// after refusing an exact `int` of more than 4300 digits as `str()` does
/// ([`check_plain_fields`], [`check_percent_literal`]). Only compiled code
/// calls it.
#[pyclass(module = false, name = "fstring_field")]
#[derive(Debug, PyPayload)]
pub(crate) struct FieldCheck;

crate::guest::patch::refuse_construction!(FieldCheck);

#[pyclass(flags(IMMUTABLETYPE), with(Constructor, Callable))]
impl FieldCheck {}

impl Callable for FieldCheck {
    type Args = FuncArgs;

    fn call(_zelf: &Py<Self>, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        let [value] = <[PyObjectRef; 1]>::try_from(args.args)
            .map_err(|_| vm.new_type_error("f-string field check takes one value"))?;
        if value.class().is(vm.ctx.types.int_type) {
            crate::guest::digits::check_decimal_digits(&value, vm)?;
        }
        Ok(value)
    }
}

/// The callable behind the marked `concat` constant of an f-string with
/// several fields: checks the sum of its pieces' sizes against the memory
/// budget, then writes them into one new `str`. Only compiled f-strings call
/// it (the constant is unforgeable, see `marker.rs`), with `str` pieces.
#[pyclass(module = false, name = "fstring_concat")]
#[derive(Debug, PyPayload)]
pub(crate) struct Concat;

crate::guest::patch::refuse_construction!(Concat);

#[pyclass(flags(IMMUTABLETYPE), with(Constructor, Callable))]
impl Concat {}

impl Callable for Concat {
    type Args = FuncArgs;

    fn call(_zelf: &Py<Self>, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
        let mut pieces = Vec::with_capacity(args.args.len());
        let mut total = 0usize;
        for piece in &args.args {
            let Some(text) = piece.downcast_ref::<PyStr>() else {
                return Err(vm.new_type_error("f-string piece is not a str"));
            };
            total = total.saturating_add(text.as_wtf8().len());
            pieces.push(text.as_wtf8());
        }
        reserve(total as f64, "f-string", vm)?;
        let mut out = Wtf8Buf::with_capacity(total);
        for piece in pieces {
            out.push_wtf8(piece);
        }
        Ok(vm.ctx.new_str(out).into())
    }
}

thread_local! {
    /// The sandbox thread's [`Concat`] object.
    static CONCAT: std::cell::RefCell<Option<PyObjectRef>> = const { std::cell::RefCell::new(None) };
    /// The sandbox thread's [`FieldCheck`] object.
    static FIELD: std::cell::RefCell<Option<PyObjectRef>> = const { std::cell::RefCell::new(None) };
}

/// Makes the [`Concat`] and [`FieldCheck`] types (once per sandbox thread,
/// before the type sweep).
pub(crate) fn init_types() {
    Concat::make_static_type();
    FieldCheck::make_static_type();
}

/// This thread's [`FieldCheck`] object (made on first use).
pub(crate) fn field_object() -> PyObjectRef {
    FIELD.with(|c| {
        c.borrow_mut()
            .get_or_insert_with(|| {
                PyRef::new_ref(FieldCheck, FieldCheck::static_type().to_owned(), None).into()
            })
            .clone()
    })
}

/// This thread's [`Concat`] object (made on first use).
pub(crate) fn concat_object() -> PyObjectRef {
    CONCAT.with(|c| {
        c.borrow_mut()
            .get_or_insert_with(|| {
                PyRef::new_ref(Concat, Concat::static_type().to_owned(), None).into()
            })
            .clone()
    })
}

/// Drops this thread's [`Concat`] object (at sandbox teardown, on its thread).
pub(crate) fn release() {
    let _ = CONCAT.try_with(|c| c.borrow_mut().take());
    let _ = FIELD.try_with(|c| c.borrow_mut().take());
}
