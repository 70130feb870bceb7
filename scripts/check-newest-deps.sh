#!/usr/bin/env bash
# On demand, not in CI: installs the newest versions pyproject.toml's ranges
# allow into a throw-away environment and runs the whole test suite there,
# so that an upgrade is a decision (bash scripts/lock.sh --upgrade), not an
# accident. Prints what differs from the lock, then the test result.
#   bash scripts/check-newest-deps.sh [pytest arguments]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bash "$root/scripts/setup.sh" test >/dev/null  # system packages and compiled catalogs
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
"$work/venv/bin/python" -m pip install -q --disable-pip-version-check --upgrade --no-cache-dir \
  "$root[test,build]"
echo "== newer than the lock (package: locked -> newest allowed)"
"$work/venv/bin/python" - "$root/requirements/lock.txt" <<'PY'
import re, subprocess, sys
locked = dict(re.findall(r"^([A-Za-z0-9_.-]+)==([^ ;\\]+)", open(sys.argv[1]).read(), re.M))
norm = lambda n: re.sub(r"[-_.]+", "-", n).lower()
locked = {norm(k): v for k, v in locked.items()}
out = subprocess.run([sys.executable, "-m", "pip", "list", "--format=freeze"], capture_output=True, text=True).stdout
same = True
for line in out.splitlines():
    name, _, version = line.partition("==")
    # pip and setuptools here are the venv's own, not what the project asks for.
    if norm(name) in locked and locked[norm(name)] != version and norm(name) not in ("pip", "setuptools"):
        print(f"  {name}: {locked[norm(name)]} -> {version}"); same = False
if same:
    print("  nothing: the lock holds the newest allowed versions")
PY
echo "== tests against the newest versions"
cd "$root"
QT_QPA_PLATFORM=offscreen "$work/venv/bin/python" -m pytest -q -p no:cacheprovider "$@"
