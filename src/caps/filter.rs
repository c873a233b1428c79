//! [`Filter`]: which names of a capability a holder may use.

use std::collections::BTreeSet;

/// The Python protocols a capability forwards to its object (`len(c)`,
/// `iter(c)`, `next(c)`, `x in c`, `c[k]`, `with c:`), each only if the
/// capability's filter passes its name. [`Filter::public`] passes them; a
/// [`Filter::only`] list passes those it names.
pub const PROTOCOLS: &[&str] = &[
    "__len__",
    "__iter__",
    "__next__",
    "__contains__",
    "__getitem__",
    "__enter__",
    "__exit__",
];

/// Whether `name` is public: it does not start with `_`, or it is one of the
/// forwarded [`PROTOCOLS`].
fn is_public(name: &str) -> bool {
    !name.starts_with('_') || PROTOCOLS.contains(&name)
}

/// An allowlist of attribute and method names (after mxProxy). Safe by default:
/// names starting with `_` never pass unless listed explicitly, and only what an
/// object itself offers can pass at all. Attribute writes never pass: host
/// objects expose methods and read-only fields.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Filter {
    names: Names,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Names {
    /// Every member of the object whose name does not start with `_`.
    Public,
    /// Exactly these names (a `_name` passes only if listed).
    Only(BTreeSet<String>),
}

impl Filter {
    /// Every public member: no name starting with `_`, except the forwarded
    /// protocols ([`PROTOCOLS`]).
    pub fn public() -> Filter {
        Filter {
            names: Names::Public,
        }
    }

    /// Exactly `names`. A name starting with `_` passes only if listed here.
    pub fn only<I, S>(names: I) -> Filter
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Filter {
            names: Names::Only(names.into_iter().map(Into::into).collect()),
        }
    }

    /// Whether `name` passes.
    pub fn permits(&self, name: &str) -> bool {
        match &self.names {
            Names::Public => is_public(name),
            Names::Only(set) => set.contains(name),
        }
    }

    /// The filter that passes what both pass: attenuation can only narrow.
    pub fn narrow(&self, other: &Filter) -> Filter {
        match (&self.names, &other.names) {
            (Names::Public, Names::Public) => Filter::public(),
            (Names::Public, Names::Only(s)) | (Names::Only(s), Names::Public) => {
                Filter::only(s.iter().filter(|n| is_public(n)).cloned())
            }
            (Names::Only(a), Names::Only(b)) => Filter::only(a.intersection(b).cloned()),
        }
    }
}

/// `public` or `only(a, b, ...)`.
impl std::fmt::Display for Filter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.names {
            Names::Public => f.write_str("public"),
            Names::Only(set) => {
                f.write_str("only(")?;
                for (i, n) in set.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    f.write_str(n)?;
                }
                f.write_str(")")
            }
        }
    }
}

impl Default for Filter {
    fn default() -> Self {
        Filter::public()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_names_need_explicit_listing() {
        assert!(!Filter::public().permits("_secret"));
        assert!(Filter::public().permits("balance"));
        assert!(Filter::only(["_secret"]).permits("_secret"));
        assert!(!Filter::only(["balance"]).permits("deposit"));
    }

    #[test]
    fn narrowing_never_widens() {
        let a = Filter::only(["a", "b", "_c"]);
        let b = Filter::only(["b", "_c", "d"]);
        assert_eq!(a.narrow(&b), Filter::only(["b", "_c"]));
        // Public never grants private names, even if the other side lists them.
        assert_eq!(Filter::public().narrow(&a), Filter::only(["a", "b"]));
        for name in ["a", "b", "_c", "d", "_x"] {
            for (x, y) in [(&a, &b), (&b, &a), (&Filter::public(), &a)] {
                let n = x.narrow(y);
                assert!(
                    !n.permits(name) || (x.permits(name) && y.permits(name)),
                    "{name}"
                );
            }
        }
    }
}
