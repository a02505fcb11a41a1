#!/usr/bin/env bash
# Time and size of the README's install command in a fresh virtual environment (docs/BENCHMARKS.md).
#   scripts/measure_install.sh [SOURCE_DIR] [EXTRAS]
# SOURCE_DIR: a checkout of the project (default: this one); EXTRAS: the extras the README's first command names
# (default: dev). The venv is made under /tmp and deleted afterwards. Prints one line: seconds, MiB, and the torch,
# CUDA or nvidia packages it installed (none, when the encoder is left out). MEASURE_KEEP=1 keeps the venv (to run
# the tests in it) and prints its path.
set -euo pipefail
src=$(cd "${1:-$(dirname "$0")/..}" && pwd)
extras=${2:-dev}
venv=$(mktemp -d /tmp/measure-install-XXXXXX)
[ -n "${MEASURE_KEEP:-}" ] || trap 'rm -rf "$venv"' EXIT
python3 -m venv "$venv"
start=$(date +%s.%N)
(cd "$src" && "$venv/bin/python" -m pip install -q -c constraints.txt -e ".[$extras]" >/dev/null 2>&1)
end=$(date +%s.%N)
size=$(du -sm "$venv" | cut -f1)
heavy=$("$venv/bin/python" -m pip list --format=freeze 2>/dev/null | grep -Ei '^(torch|nvidia|cuda|triton)' | tr '\n' ' ' || true)
printf 'install .[%s]: %.0f s, venv %s MiB, torch/CUDA/nvidia packages: %s\n' \
    "$extras" "$(echo "$end - $start" | bc)" "$size" "${heavy:-none}"
[ -z "${MEASURE_KEEP:-}" ] || echo "kept: $venv"
