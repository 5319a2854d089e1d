#!/usr/bin/env bash
# The Python tests: builds the `dateline` CLI with Parquet, builds the Python wheel with maturin
# (abi3, debug profile for speed), installs it with the pinned test dependencies in a virtual
# environment, and runs pytest on crates/dateline-py/tests (package vs CLI, Parquet read back
# with pyarrow and DuckDB, the Spark job in local mode: needs Java 17).
#   DATELINE_PY_VENV  the virtual environment to use (default target/py-venv)
#   DATELINE_PY_RELEASE=1  build the wheel in release mode
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
venv="${DATELINE_PY_VENV:-$root/target/py-venv}"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install -q --disable-pip-version-check -r crates/dateline-py/requirements-test.txt
cargo build -p dateline --features parquet --locked
profile=()
[ "${DATELINE_PY_RELEASE:-0}" = 1 ] && profile=(--release)
rm -rf target/wheels
(cd crates/dateline-py && CARGO_TARGET_DIR="$root/target" "$venv/bin/maturin" build --locked "${profile[@]}" \
  -i "$venv/bin/python" --out "$root/target/wheels")
"$venv/bin/python" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps target/wheels/dateline-*.whl
cd crates/dateline-py/tests
DATELINE_BIN="$root/target/debug/dateline" "$venv/bin/python" -m pytest -q -p no:cacheprovider
