#!/usr/bin/env bash
# Builds the one-folder bundle dist/relief-wizard/ and smoke-tests it.
#   bash packaging/build_linux.sh            build + smoke test
#   bash packaging/build_linux.sh --no-test  build only
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# The lock holds PyInstaller too: the bundle is built from the same exact,
# hash-checked versions the tests ran against.
bash scripts/setup.sh test
rm -rf build/pyinstaller dist/relief-wizard
.venv/bin/pyinstaller --noconfirm --log-level WARN --workpath build/pyinstaller --distpath dist \
  packaging/relief-wizard.spec
echo "bundle: dist/relief-wizard ($(du -sh dist/relief-wizard | cut -f1))"
if [ "${1:-}" != "--no-test" ]; then
  python3 packaging/smoke_test.py dist/relief-wizard
fi
