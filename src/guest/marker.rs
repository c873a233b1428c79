//! The marker of the constants the sandbox's own AST passes write (SPEC
//! §5.7): fuel ticks, f-string joins and field checks. A leaf.

use ruff_python_ast::{self as ast, AtomicNodeIndex, Expr};
use ruff_text_size::TextRange;

/// The secret that starts every string constant the sandbox's own AST passes
/// write (fuel ticks here, f-string joins in `text`): a random 128-bit value
/// drawn once per process, written in hex. After code generation each such
/// constant is replaced by a native object (`compile::TickBag`), when the code is
/// loaded into an interpreter. The guest never sees the marker (it exists between
/// parsing and that load, in the runtime's own memory: a host's compiled `Code`
/// keeps it until run) and cannot write it: not as a literal, nor through the code generator's
/// constant folding (`'a' + 'b'`, `'x' * 3`, `'%%' % ()`, implicit
/// concatenation), which can make any string the guest can spell.
pub(crate) fn marker() -> &'static str {
    static MARKER: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    MARKER.get_or_init(|| {
        let mut key = [0u8; 16];
        if getrandom::fill(&mut key).is_err() {
            // No OS entropy: std's randomly keyed SipHash, keyed per process.
            use std::hash::{BuildHasher, Hasher};
            let state = std::collections::hash_map::RandomState::new();
            for (i, chunk) in key.chunks_mut(8).enumerate() {
                let mut h = state.build_hasher();
                h.write_usize(i);
                chunk.copy_from_slice(&h.finish().to_le_bytes());
            }
        }
        let hex: String = key.iter().map(|b| format!("{b:02x}")).collect();
        format!("\u{0}pyocap {hex} ")
    })
}

/// A string literal that code generation makes a constant and `compile::TickBag`
/// replaces by the native object `what` names (`tick <weight>`, `concat`).
pub(crate) fn marked_literal(what: &str, at: TextRange) -> Expr {
    let literal = ast::StringLiteral {
        range: at,
        node_index: AtomicNodeIndex::NONE,
        value: format!("{}{what}", marker()).into_boxed_str(),
        flags: ast::StringLiteralFlags::empty(),
    };
    Expr::StringLiteral(ast::ExprStringLiteral {
        node_index: AtomicNodeIndex::NONE,
        range: at,
        value: ast::StringLiteralValue::single(literal),
    })
}

