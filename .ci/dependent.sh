#!/usr/bin/env bash
# A crate that depends on pyocap, as a new user writes it from the README's
# "Use from your own crate": a path dependency, its own fresh Cargo.lock, the
# allocator and the dev-profile override. After the README's one command (if
# the fresh lock needs it) it must build and run.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/myhost/src"
cd "$dir/myhost"
cat > Cargo.toml <<TOML
[package]
name = "myhost"
version = "0.1.0"
edition = "2021"

[dependencies]
pyocap = { path = "$repo" }

[profile.dev.package."*"]
opt-level = 2
TOML
cat > src/main.rs <<'RUST'
use pyocap::{Policy, Runtime, Value};

#[global_allocator]
static ALLOC: pyocap::CountingAllocator = pyocap::CountingAllocator::new();

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let runtime = Runtime::default();
    let sandbox = runtime.sandbox(&Policy::new())?;
    sandbox.exec("def area(w, h):\n    return w * h")?;
    let area = sandbox.call("area", &[6.into(), 7.into()])?;
    assert_eq!(area, Value::from(42));
    println!("dependent crate: area = {area:?}");
    Ok(())
}
RUST
export CARGO_TARGET_DIR="$repo/target/dependent"
cargo generate-lockfile
# The README's one command, when the fresh lock needs it: pymath's
# malachite-bigint anything but 0.9 (a dependency line names the version when
# the lock holds several).
wrong=$(awk '/^name = "pymath"/{p=1} p&&/"malachite-bigint [0-9]/{print $2; exit} /^$/{p=0}' Cargo.lock | tr -d '",')
if [ -n "$wrong" ] && [ "${wrong#0.9.}" = "$wrong" ]; then
    echo "fresh lock: pymath resolved malachite-bigint $wrong; running the README's command"
    cargo update -p "malachite-bigint@$wrong" --precise 0.9.2
fi
cargo build
cargo run
