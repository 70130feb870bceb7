#!/usr/bin/env bash
# Refreshes requirements/lock.txt: exact versions and hashes of everything the
# app, the tests and the bundle build install, on Linux and Windows, Python
# 3.11. Run it when pyproject.toml's ranges change or to take upgrades on
# purpose (scripts/check-newest-deps.sh first shows what newer versions do).
#   bash scripts/lock.sh                     keep locked versions where allowed
#   bash scripts/lock.sh --upgrade           newest versions the ranges allow
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tools="$(mktemp -d)"
trap 'rm -rf "$tools"' EXIT
python3 -m venv "$tools"
"$tools/bin/python" -m pip install -q "uv>=0.9,<1"
cd "$root"
"$tools/bin/uv" pip compile pyproject.toml requirements/tools.in \
  --all-extras --universal --python-version 3.11 --generate-hashes \
  --no-header --quiet "$@" -o requirements/lock.txt
echo "lock: requirements/lock.txt has $(grep -c '^[A-Za-z]' requirements/lock.txt) packages"
