//! [`CapabilityGraph`]: who holds what, as a picture of the system (for
//! audits, debugging and object-capability research).

use super::Filter;
use std::fmt::Write;

/// Who holds or owns something: the host, or a sandbox (by its id).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Party {
    /// The host program.
    Host,
    /// A sandbox, by its id (unique in the process).
    Sandbox(u64),
}

impl std::fmt::Display for Party {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Party::Host => f.write_str("host"),
            Party::Sandbox(id) => write!(f, "sandbox {id}"),
        }
    }
}

/// One capability of a runtime's table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CapabilityNode {
    /// An identifier, unique in this graph (never shown to guests).
    pub id: String,
    /// The object's label: a host type's name, a host function's name, or a
    /// guest object's class name.
    pub label: String,
    /// What the capability passes.
    pub filter: Filter,
    /// The capability it was derived from (an attenuation, a grant, a
    /// narrowed result).
    pub parent: Option<String>,
    /// Who holds it: the sandbox it was granted or handed to, or the host.
    pub holder: Party,
    /// Where the designated object lives: the host, or the sandbox that
    /// exported it.
    pub owner: Party,
    /// Whether it has been revoked (the graph keeps the last revoked ones).
    pub revoked: bool,
}

/// A snapshot of a runtime's capabilities ([`Runtime::capability_graph`](crate::Runtime::capability_graph)):
/// every live one, and the most recently revoked ones (up to
/// [`CapabilityGraph::REVOKED_KEPT`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CapabilityGraph {
    /// The capabilities, live ones first.
    pub capabilities: Vec<CapabilityNode>,
}

impl CapabilityGraph {
    /// How many revoked capabilities a runtime remembers for the graph.
    pub const REVOKED_KEPT: usize = 1024;

    /// Every party that holds or owns a capability, in order.
    pub fn parties(&self) -> Vec<Party> {
        let mut parties: Vec<Party> = self
            .capabilities
            .iter()
            .flat_map(|c| [c.holder, c.owner])
            .chain([Party::Host])
            .collect();
        parties.sort();
        parties.dedup();
        parties
    }

    /// The graph in Graphviz's DOT language: parties are boxes, capabilities
    /// ellipses (dashed once revoked); an edge from a party to each capability
    /// it holds, from a capability to the party owning its object, and a
    /// dotted one from a capability to the one it was derived from.
    pub fn to_dot(&self) -> String {
        let mut out = String::from("digraph capabilities {\n  rankdir=LR;\n");
        for party in self.parties() {
            let _ = writeln!(
                out,
                "  \"{}\" [shape=box, style=filled, fillcolor=\"{}\"];",
                party,
                if party == Party::Host { "#dde8ff" } else { "#e8f5e0" }
            );
        }
        for c in &self.capabilities {
            let _ = writeln!(
                out,
                "  \"{}\" [label=\"{}\\n{}\"{}];",
                c.id,
                escape(&c.label),
                escape(&c.filter.to_string()),
                if c.revoked { ", style=dashed, fontcolor=gray" } else { "" }
            );
            let _ = writeln!(out, "  \"{}\" -> \"{}\" [label=\"holds\"];", c.holder, c.id);
            let _ = writeln!(out, "  \"{}\" -> \"{}\" [label=\"object of\"];", c.id, c.owner);
            if let Some(parent) = &c.parent {
                let _ = writeln!(out, "  \"{}\" -> \"{}\" [style=dotted];", c.id, parent);
            }
        }
        out.push_str("}\n");
        out
    }
}

/// `s` inside a DOT quoted string. Labels are chosen by guests (a class
/// name), so control characters, line separators and the invisible format
/// characters (bidirectional overrides and isolates, zero-width marks) become
/// `?`: a label cannot reorder or hide the text a reader of the graph sees.
fn escape(s: &str) -> String {
    s.chars()
        .flat_map(|c| match c {
            '"' => vec!['\\', '"'],
            '\\' => vec!['\\', '\\'],
            '\n' => vec!['\\', 'n'],
            c if c.is_control() || invisible(c) => vec!['?'],
            c => vec![c],
        })
        .collect()
}

/// Unicode's format characters (general category Cf) and the line and
/// paragraph separators.
fn invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{0600}'..='\u{0605}' | '\u{061C}' | '\u{06DD}' | '\u{070F}'
        | '\u{0890}'..='\u{0891}' | '\u{08E2}' | '\u{180E}' | '\u{200B}'..='\u{200F}'
        | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}'
        | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}' | '\u{110BD}' | '\u{110CD}'
        | '\u{13430}'..='\u{1343F}' | '\u{1BCA0}'..='\u{1BCA3}' | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0001}' | '\u{E0020}'..='\u{E007F}')
}
