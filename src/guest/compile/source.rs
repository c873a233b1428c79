//! Bounds on guest source, checked before the parser sees it.
//!
//! RustPython's parser, compiler and AST teardown recurse once per level of
//! syntactic nesting, and a native stack overflow aborts the whole process. So the
//! source's nesting is bounded first, by a pass over the tokens of RustPython's own
//! lexer (which is iterative and agrees with the parser on strings, f-strings and
//! comments).
//!
//! The estimate is an upper bound on the depth of the syntax tree: the
//! indentation level, plus one per open bracket or f-string, plus every token
//! since the last `,`, `;` or end of statement at each open level (a chain of
//! operators such as `1+1+...`, `- - -x`, `a.b.c...` or `lambda: lambda: ...`
//! nests one level per operator).

use crate::error::GuestError;
use ruff_python_ast::token::TokenKind;
use ruff_python_parser::{lexer, Mode};

/// Whether the source is for `exec` (statements) or `eval` (one expression).
#[derive(Clone, Copy)]
pub(crate) enum SourceKind {
    Statements,
    Expression,
}

/// Refuses source longer than `max_bytes` or nesting deeper than `max_nesting`.
pub(crate) fn check_source(
    source: &str,
    kind: SourceKind,
    max_bytes: usize,
    max_nesting: usize,
) -> Result<(), GuestError> {
    if source.len() > max_bytes {
        return Err(GuestError::SourceTooLarge {
            len: source.len(),
            limit: max_bytes,
        });
    }
    let mode = match kind {
        SourceKind::Statements => Mode::Module,
        SourceKind::Expression => Mode::Expression,
    };
    if nesting_estimate(source, mode, max_nesting) > max_nesting {
        return Err(GuestError::SourceTooDeep { limit: max_nesting });
    }
    Ok(())
}

/// The nesting estimate, or the first value over `stop_above` (counting stops there).
fn nesting_estimate(source: &str, mode: Mode, stop_above: usize) -> usize {
    let mut lexer = lexer::lex(source, mode);
    // Tokens since the last reset, per open level; level 0 is the statement.
    let mut chains: Vec<usize> = vec![0];
    let mut chain_sum = 0usize;
    let mut indent = 0usize;
    let mut max = 0usize;
    let mut prev = TokenKind::Newline;
    loop {
        let token = lexer.next_token();
        match token {
            TokenKind::EndOfFile => return max,
            TokenKind::Comment | TokenKind::NonLogicalNewline => {}
            TokenKind::Newline | TokenKind::Semi | TokenKind::Comma => {
                if let Some(top) = chains.last_mut() {
                    chain_sum -= *top;
                    *top = 0;
                }
            }
            TokenKind::Indent => indent += 1,
            TokenKind::Dedent => indent = indent.saturating_sub(1),
            TokenKind::Lpar
            | TokenKind::Lsqb
            | TokenKind::Lbrace
            | TokenKind::FStringStart
            | TokenKind::TStringStart => {
                // After an atom, a bracket is a trailer (a call or subscript, which
                // nests the atom one level deeper): it extends the enclosing chain.
                if ends_atom(prev) {
                    if let Some(top) = chains.last_mut() {
                        *top += 1;
                        chain_sum += 1;
                    }
                }
                chains.push(0);
            }
            TokenKind::Rpar
            | TokenKind::Rsqb
            | TokenKind::Rbrace
            | TokenKind::FStringEnd
            | TokenKind::TStringEnd => {
                if chains.len() > 1 {
                    chain_sum -= chains.pop().unwrap_or(0);
                }
            }
            _ => {
                if let Some(top) = chains.last_mut() {
                    *top += 1;
                    chain_sum += 1;
                }
            }
        }
        prev = token;
        let depth = indent + (chains.len() - 1) + chain_sum;
        max = max.max(depth);
        if max > stop_above {
            return max;
        }
    }
}

/// Whether a token can end an atom, so that a bracket after it is a trailer.
fn ends_atom(token: TokenKind) -> bool {
    matches!(
        token,
        TokenKind::Name
            | TokenKind::Int
            | TokenKind::Float
            | TokenKind::Complex
            | TokenKind::String
            | TokenKind::FStringEnd
            | TokenKind::TStringEnd
            | TokenKind::Rpar
            | TokenKind::Rsqb
            | TokenKind::Rbrace
            | TokenKind::None
            | TokenKind::True
            | TokenKind::False
            | TokenKind::Ellipsis
    ) || token.is_soft_keyword()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn est(src: &str) -> usize {
        nesting_estimate(src, Mode::Module, usize::MAX)
    }

    #[test]
    fn ordinary_code_is_shallow() {
        let src = "def f(a, b):\n    if a:\n        return [x * 2 for x in range(b) if x]\n    return {'k': (1, 2)}\n";
        assert!(est(src) < 30, "{}", est(src));
        let table = format!(
            "T = [{}]\n",
            (0..10_000)
                .map(|i| i.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
        assert!(est(&table) < 10);
    }

    #[test]
    fn every_nesting_shape_counts() {
        for shape in [
            "(",
            "[",
            "{",
            "-",
            "not ",
            "lambda: ",
            "a.",
            "1+",
            "f'{",
            "x if y else ",
            "f()",
            "a[0]",
            "f(1)(",
            "x[",
            "{1:",
        ] {
            let src = shape.repeat(2000);
            assert!(est(&src) >= 2000, "{shape:?} counted only {}", est(&src));
        }
    }

    #[test]
    fn a_bracket_counts_once() {
        let src = "x = ".to_owned() + &"(".repeat(500) + "1" + &")".repeat(500);
        let e = est(&src);
        assert!((500..520).contains(&e), "{e}");
    }

    #[test]
    fn brackets_in_strings_and_comments_do_not_count() {
        let src = "s = '((((((((((((((((('  # [[[[[[[[[[[[[[[[\n";
        assert!(est(src) < 10);
    }

    #[test]
    fn nested_fstrings_count() {
        let src = "f'{".repeat(500) + "1" + &"}'".repeat(500);
        assert!(est(&src) >= 1000);
    }
}
