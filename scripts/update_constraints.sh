#!/usr/bin/env bash
# Re-resolve every extra CI installs in a new virtual environment and pin what it got in constraints.txt.
# Run it after changing a dependency in pyproject.toml, then run the tests and commit both files.
set -euo pipefail
cd "$(dirname "$0")/.."
extras="dev,encoder,train"
venv="$(mktemp -d)/venv"
python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q --upgrade pip
"$venv/bin/python" -m pip install -q -e ".[$extras]"
{
    echo "# Versions CI tested: pip install -c constraints.txt -e \".[$extras]\" (see README.md)."
    echo "# Regenerate with scripts/update_constraints.sh; do not edit by hand."
    # A local version label (torch's +cpu) names the build, not the release: the pin admits any build of it.
    "$venv/bin/python" -m pip freeze --exclude-editable --all | grep -v '^pip==' | sed -E 's/\+[A-Za-z0-9.]+$//' | LC_ALL=C sort -f
} > constraints.txt
rm -rf "$(dirname "$venv")"
echo "wrote constraints.txt ($(grep -vc '^#' constraints.txt) pins)"
