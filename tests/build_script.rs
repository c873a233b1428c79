//! The build script's reading of a dependent's `Cargo.lock` (`build.rs`).

#[path = "../build.rs"]
#[allow(dead_code)]
mod build_script;

use build_script::pymath_bigint;

const TWO_VERSIONS: &str = r#"
[[package]]
name = "malachite-bigint"
version = "0.9.2"
source = "registry+https://github.com/rust-lang/crates.io-index"

[[package]]
name = "malachite-bigint"
version = "0.14.0"
source = "registry+https://github.com/rust-lang/crates.io-index"

[[package]]
name = "pymath"
version = "0.2.0"
source = "registry+https://github.com/rust-lang/crates.io-index"
dependencies = [
 "libc",
 "malachite-bigint 0.14.0",
 "num-traits",
]
"#;

#[test]
fn a_fresh_lock_with_a_second_malachite_for_pymath_is_found() {
    assert_eq!(pymath_bigint(TWO_VERSIONS), vec!["0.14.0".to_owned()]);
}

#[test]
fn a_lock_with_one_malachite_names_it() {
    let one = TWO_VERSIONS
        .replace(
            "[[package]]\nname = \"malachite-bigint\"\nversion = \"0.14.0\"",
            "[[package]]\nname = \"unrelated\"\nversion = \"1.0.0\"",
        )
        .replace("\"malachite-bigint 0.14.0\"", "\"malachite-bigint\"");
    assert_eq!(pymath_bigint(&one), vec!["0.9.2".to_owned()]);
}

#[test]
fn this_repositorys_own_lock_is_on_0_9() {
    let lock = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.lock")).unwrap();
    let found = pymath_bigint(&lock);
    assert!(!found.is_empty() && found.iter().all(|v| v.starts_with("0.9.")), "{found:?}");
}
