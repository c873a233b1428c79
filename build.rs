//! Says the one command that fixes a build that cannot succeed.
//!
//! RustPython 0.5 uses `malachite-bigint` 0.9, and its `pymath` dependency asks
//! for `malachite-bigint = "0"` (any 0.x). A crate that depends on pyocap and
//! resolves its own `Cargo.lock` therefore gets the newest 0.x for `pymath`
//! beside 0.9 for the rest of RustPython, and `rustpython-stdlib` fails to
//! compile with "mismatched types ... multiple different versions of crate
//! `malachite_bigint`". Nothing in this crate's manifest can change how a
//! dependent resolves `pymath`'s requirement (the two versions are
//! semver-incompatible, so cargo keeps both), so the check below reads the
//! build's lock file and, if `pymath` resolved any `malachite-bigint` other
//! than 0.9, fails saying which `cargo update` puts it back on 0.9.
//!
//! Cargo runs this script late in a first build (few units depend on it), so
//! there the compile error may come first; on the next build it runs at once.
//! The README says to run the command before the first build.

use std::path::{Path, PathBuf};

/// The `malachite-bigint` that RustPython 0.5 is written against.
const WANTED: &str = "0.9.2";

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let Some(lock) = find_lock() else {
        // A target directory outside the workspace: nothing to read. The
        // build goes on (and fails later, as without this check, if the lock
        // holds the wrong version).
        return;
    };
    println!("cargo:rerun-if-changed={}", lock.display());
    let Ok(text) = std::fs::read_to_string(&lock) else {
        return;
    };
    let wrong: Vec<String> = pymath_bigint(&text)
        .into_iter()
        .filter(|v| !v.starts_with("0.9."))
        .collect();
    if wrong.is_empty() {
        return;
    }
    let commands: Vec<String> = wrong
        .iter()
        .map(|v| format!("    cargo update -p malachite-bigint@{v} --precise {WANTED}"))
        .collect();
    eprintln!(
        "\nerror: this build's Cargo.lock ({}) resolved malachite-bigint {} beside the 0.9 \
         that RustPython 0.5 is built on (through pymath's `malachite-bigint = \"0\"`), \
         so rustpython-stdlib cannot compile. Run, in your crate:\n\n{}\n\nonce, then build \
         again (see README, \"Use from your own crate\").\n",
        lock.display(),
        wrong.join(", "),
        commands.join("\n"),
    );
    std::process::exit(1);
}

/// The lock file of the build: the first `Cargo.lock` in or above the output
/// directory (`<target>/<profile>/build/pyocap-*/out`, and the target
/// directory is usually inside the workspace), else this crate's own.
fn find_lock() -> Option<PathBuf> {
    let out = std::env::var_os("OUT_DIR").map(PathBuf::from)?;
    let mut dir: Option<&Path> = Some(&out);
    while let Some(d) = dir {
        let candidate = d.join("Cargo.lock");
        if candidate.is_file() {
            return Some(candidate);
        }
        dir = d.parent();
    }
    let own = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR")?).join("Cargo.lock");
    own.is_file().then_some(own)
}

/// The versions of `malachite-bigint` that `pymath` resolved to in a
/// `Cargo.lock` (a dependency is written `"name"` when one version of it is
/// locked, `"name version"` when several are).
pub(crate) fn pymath_bigint(lock: &str) -> Vec<String> {
    let packages: Vec<&str> = lock.split("[[package]]").collect();
    let field = |block: &str, key: &str| -> Option<String> {
        block.lines().find_map(|l| {
            l.trim()
                .strip_prefix(&format!("{key} = \""))
                .and_then(|v| v.strip_suffix('"'))
                .map(str::to_owned)
        })
    };
    let locked_versions: Vec<String> = packages
        .iter()
        .filter(|b| field(b, "name").as_deref() == Some("malachite-bigint"))
        .filter_map(|b| field(b, "version"))
        .collect();
    let mut out = Vec::new();
    for block in packages.iter().filter(|b| field(b, "name").as_deref() == Some("pymath")) {
        for dep in block.lines().map(str::trim) {
            let Some(dep) = dep.strip_prefix('"').and_then(|d| d.strip_suffix("\",")) else {
                continue;
            };
            match dep.split_once(' ') {
                Some(("malachite-bigint", version)) => out.push(version.to_owned()),
                None if dep == "malachite-bigint" => out.extend(locked_versions.iter().cloned()),
                _ => {}
            }
        }
    }
    out
}
