//! The source layout stays as `ARCHITECTURE.md` draws it: imports run one way,
//! api → bridge → guest → model → base, only the guest, the membrane, the
//! sandbox thread and the master module touch the interpreter, code outside
//! `src/guest/` enters it only through its door (`guest/mod.rs`), and the files
//! inside it import each other without a cycle. Each test reads the sources
//! (unit-test modules at the end of a file are left out: they may build whole
//! sandboxes).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The layers, from the top: a file may import from its own layer and any
/// layer below it.
const LAYERS: &[(&str, &[&str])] = &[
    ("api", &["lib", "runtime", "config", "sandbox", "pool", "teardown", "master", "worker"]),
    ("bridge", &["sandbox_thread", "membrane", "inbox", "process"]),
    ("guest", &["guest"]),
    ("model", &["error", "policy", "policy_file", "doors", "mounts", "value", "caps"]),
    ("base", &["alloc"]),
];

/// Files that may name `rustpython`.
const INTERPRETER: &[&str] = &["guest", "membrane", "sandbox_thread", "master"];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every library source file (not the binary), as (path below `src/`, text
/// without its unit-test module).
fn sources() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(&src(), &mut files);
    files.sort();
    files
        .into_iter()
        .filter_map(|path| {
            let rel = path.strip_prefix(src()).unwrap().to_string_lossy().replace('\\', "/");
            if rel.starts_with("bin/") || rel == "test_util.rs" {
                return None;
            }
            let text = fs::read_to_string(&path).unwrap();
            let text = match text.find("#[cfg(test)]\nmod tests") {
                Some(at) => text[..at].to_owned(),
                None => text,
            };
            Some((rel, text))
        })
        .collect()
}

/// The top-level module a file belongs to (`guest/meter.rs` → `guest`).
fn module_of(rel: &str) -> &str {
    let first = rel.split('/').next().unwrap();
    first.strip_suffix(".rs").unwrap_or(first)
}

fn layer_of(module: &str) -> usize {
    LAYERS
        .iter()
        .position(|(_, members)| members.contains(&module))
        .unwrap_or_else(|| panic!("module {module} is in no layer of ARCHITECTURE.md"))
}

/// The `crate::<name>` paths a text uses (the first segment after `crate::`).
fn crate_paths(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (i, _) in text.match_indices("crate::") {
        let rest = &text[i + "crate::".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        let after: String = rest[name.len()..].chars().take(2).collect();
        out.push((name, after));
    }
    out
}

fn is_comment(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("//")
}

#[test]
fn imports_run_one_way_from_the_api_to_the_allocator() {
    let mut upward = Vec::new();
    for (rel, text) in sources() {
        let from = layer_of(module_of(&rel));
        for line in text.lines().filter(|l| !is_comment(l)) {
            for (name, _) in crate_paths(line) {
                // Root re-exports (`crate::GuestError`) are the public names.
                if name.chars().next().is_some_and(|c| c.is_ascii_uppercase()) {
                    continue;
                }
                if LAYERS.iter().all(|(_, m)| !m.contains(&name.as_str())) {
                    continue;
                }
                let to = layer_of(&name);
                // value/ and caps/ name each other's types: one layer.
                if to < from {
                    upward.push(format!("{rel}: {}", line.trim()));
                }
            }
        }
    }
    assert!(upward.is_empty(), "imports upward:\n{}", upward.join("\n"));
}

#[test]
fn only_the_guest_membrane_sandbox_thread_and_master_touch_the_interpreter() {
    let offenders: Vec<String> = sources()
        .into_iter()
        .filter(|(rel, text)| {
            !INTERPRETER.contains(&module_of(rel))
                && text.lines().any(|l| !is_comment(l) && l.contains("rustpython"))
        })
        .map(|(rel, _)| rel)
        .collect();
    assert!(offenders.is_empty(), "name the interpreter: {offenders:?}");
}

#[test]
fn code_outside_the_guest_enters_it_only_through_its_door() {
    let mut offenders = Vec::new();
    for (rel, text) in sources() {
        if module_of(&rel) == "guest" {
            continue;
        }
        for line in text.lines().filter(|l| !is_comment(l)) {
            if let Some(at) = line.find("crate::guest::") {
                let rest = &line[at + "crate::guest::".len()..];
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                // `crate::guest::name` is a re-export; `crate::guest::file::x` is not.
                if rest[name.len()..].starts_with("::") {
                    offenders.push(format!("{rel}: {}", line.trim()));
                }
            }
        }
    }
    assert!(offenders.is_empty(), "past the door:\n{}", offenders.join("\n"));
}

#[test]
fn the_interpreters_patches_are_applied_only_inside_the_guest() {
    // Slots, type dicts and the interpreter's state are changed in one place.
    let mut offenders = Vec::new();
    for (rel, text) in sources() {
        if module_of(&rel) == "guest" {
            continue;
        }
        for line in text.lines().filter(|l| !is_comment(l)) {
            if line.contains("slots.") || line.contains("attributes.write()") || line.contains("vm.state.") {
                offenders.push(format!("{rel}: {}", line.trim()));
            }
        }
    }
    assert!(offenders.is_empty(), "patches outside the guest:\n{}", offenders.join("\n"));
}

#[test]
fn the_files_of_the_guest_import_each_other_without_a_cycle() {
    // Nodes: each file or folder directly in `src/guest/` ("meter", "bounds"),
    // and each file inside a folder ("bounds/int"). A folder's `mod.rs` is its
    // door, as `guest/mod.rs` is the guest's: it is left out of the graph.
    let sources = sources();
    let guest: Vec<(Vec<String>, &String)> = sources
        .iter()
        .filter_map(|(rel, text)| {
            let rest = rel.strip_prefix("guest/")?;
            let parts = rest.trim_end_matches(".rs").split('/').map(str::to_owned).collect();
            Some((parts, text))
        })
        .collect();
    let top: BTreeSet<String> = guest
        .iter()
        .map(|(parts, _)| parts[0].clone())
        .filter(|n| n != "mod")
        .collect();
    let inner: BTreeSet<String> = guest
        .iter()
        .filter(|(parts, _)| parts.len() == 2 && parts[1] != "mod")
        .map(|(parts, _)| parts.join("/"))
        .collect();
    let names_after = |rest: &str| -> Vec<String> {
        // `super::a::x`, `super::{a::x, b::y}`.
        match rest.strip_prefix('{') {
            Some(group) => group
                .split('}')
                .next()
                .unwrap_or("")
                .split(',')
                .filter_map(|p| p.trim().split("::").next().map(str::to_owned))
                .collect(),
            None => vec![rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect()],
        }
    };
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (parts, text) in &guest {
        if parts.last().is_some_and(|p| p == "mod") && parts.len() == 1 {
            continue; // the door: it imports every file, none imports it
        }
        let node = parts[0].clone();
        let own = (parts.len() == 2 && parts[1] != "mod").then(|| parts.join("/"));
        for line in text.lines().filter(|l| !is_comment(l)) {
            let mut found: Vec<(bool, String)> = Vec::new(); // (inside the folder, name)
            for (i, _) in line.match_indices("crate::guest::") {
                for name in names_after(&line[i + "crate::guest::".len()..]) {
                    found.push((false, name));
                }
            }
            for (i, _) in line.match_indices("super::") {
                if line[..i].ends_with("crate::guest::") {
                    continue;
                }
                // In a folder's file other than its door, `super` is the folder.
                let inside = own.is_some();
                for name in names_after(&line[i + "super::".len()..]) {
                    found.push((inside, name));
                }
            }
            for (inside, name) in found {
                if inside {
                    let dep = format!("{node}/{name}");
                    let from = own.clone().unwrap();
                    if inner.contains(&dep) && dep != from {
                        graph.entry(from).or_default().insert(dep);
                    }
                } else if top.contains(&name) && name != node {
                    graph.entry(node.clone()).or_default().insert(name.clone());
                    if let Some(from) = &own {
                        graph.entry(from.clone()).or_default();
                    }
                }
            }
        }
        graph.entry(node).or_default();
    }
    // Depth-first search for a back edge.
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        match state.get(node) {
            Some(2) => return None,
            Some(1) => {
                let start = path.iter().position(|p| p == node).unwrap();
                let mut cycle = path[start..].to_vec();
                cycle.push(node.to_owned());
                return Some(cycle);
            }
            _ => {}
        }
        state.insert(node.to_owned(), 1);
        path.push(node.to_owned());
        for dep in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(dep, graph, state, path) {
                return Some(cycle);
            }
        }
        path.pop();
        state.insert(node.to_owned(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for node in graph.keys() {
        if let Some(cycle) = visit(node, &graph, &mut state, &mut Vec::new()) {
            panic!("an import cycle in src/guest: {}", cycle.join(" -> "));
        }
    }
    assert!(
        graph.keys().filter(|n| !n.contains('/')).count() > 20,
        "only {} guest files seen",
        graph.len()
    );
    assert!(
        graph.keys().any(|n| n.contains('/')),
        "no file inside a guest folder seen"
    );
}
