#!/usr/bin/env bash
# The CPython package's tests: builds the package into a fresh virtual
# environment (maturin and pytest from PyPI), runs the pytest suite, the
# escrow example and the README's one-liner. Needs only python3 (3.11 or
# newer, with venv and pip) and the Rust toolchain.
#
#   bash python/test.sh            # from the repository root
#   PYOCAP_VENV=DIR bash python/test.sh   # somewhere else than target/python-venv
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="${PYOCAP_VENV:-$here/../target/python-venv}"
python3 -m venv --clear "$venv"
export PATH="$venv/bin:$PATH"
python -m pip install -q --upgrade "maturin>=1.5,<2" "pytest>=7"
# The package itself (release build of the extension; the Rust build shares
# the workspace's target directory).
python -m pip install -q --no-build-isolation "$here"
cd "$here"
python -m pytest -q tests
# From elsewhere, so the installed package is the one imported.
cd /
python "$here/examples/escrow.py"
test "$(python -c 'import pyocap; print(pyocap.Sandbox().eval("6*7"))')" = 42
echo "python package: ok"
