//! Import statements of sandbox-compiled text import as the guest (SPEC §4.2):
//! the AST pass that marks them, and the prefix `library::import` reads.

use ruff_python_ast::visitor::transformer::{walk_stmt, Transformer};
use ruff_python_ast::{self as ast, Stmt};
use ruff_text_size::TextRange;
use crate::guest::marker::marker;

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
/// at run time it is the library's import of `__future__` (data: each
/// feature's compiler flag), so it works under every policy, as compiler
/// syntax should; `import __future__` is a guest import like any other.
pub(super) struct MarkImports;

impl MarkImports {
    fn marked(name: &str, range: TextRange) -> ast::Identifier {
        ast::Identifier::new(format!("{}{name}", guest_import_prefix()), range)
    }
}

impl Transformer for MarkImports {
    fn visit_stmt(&self, stmt: &mut Stmt) {
        match stmt {
            Stmt::Import(import) => {
                // `import a.b` binds `a`, the package: it becomes `import a.b
                // as a` (which imports `a.b` and binds it) followed by `import
                // a as a` (which binds the package), in one `if True:` block.
                let dotted = import
                    .names
                    .iter()
                    .any(|a| a.asname.is_none() && a.name.as_str().contains('.'));
                let mut extra = Vec::new();
                for alias in &mut import.names {
                    let name = alias.name.as_str().to_owned();
                    if alias.asname.is_none() {
                        let top = name.split('.').next().unwrap_or(&name);
                        alias.asname = Some(ast::Identifier::new(top, alias.name.range));
                        if top != name {
                            extra.push(ast::Alias {
                                range: alias.range,
                                node_index: ast::AtomicNodeIndex::NONE,
                                name: Self::marked(top, alias.name.range),
                                asname: Some(ast::Identifier::new(top, alias.name.range)),
                            });
                        }
                    }
                    alias.name = Self::marked(&name, alias.name.range);
                }
                if dotted {
                    let range = import.range;
                    let first = Stmt::Import(import.clone());
                    let then = Stmt::Import(ast::StmtImport {
                        node_index: ast::AtomicNodeIndex::NONE,
                        range,
                        names: extra,
                        is_lazy: false,
                    });
                    *stmt = Stmt::If(ast::StmtIf {
                        node_index: ast::AtomicNodeIndex::NONE,
                        range,
                        test: Box::new(ast::Expr::BooleanLiteral(ast::ExprBooleanLiteral {
                            node_index: ast::AtomicNodeIndex::NONE,
                            range,
                            value: true,
                        })),
                        body: vec![first, then],
                        elif_else_clauses: Vec::new(),
                    });
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
