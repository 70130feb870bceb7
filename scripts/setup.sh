#!/usr/bin/env bash
# Idempotent set-up for a Debian 12 machine: system packages, the virtual
# environment, the package itself and the compiled catalogs. Every step checks
# first and does nothing when it is already done, so it is safe on every run.
#   scripts/setup.sh app    what running the app needs
#   scripts/setup.sh test   that, plus what the test suite needs (OCR, pdftoppm)
set -euo pipefail
mode="${1:-app}"
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="$root/.venv"
py="${PYTHON:-python3}"

# Qt's xcb window plugin will not start without these on Debian 12; fonts are
# bundled in assets/fonts, so no font package is needed at run time.
app_pkgs=(libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-image0
  libxcb-keysyms1 libxcb-render-util0 libxcb-xinerama0 libxcb-shape0
  libegl1 libgl1 libfontconfig1 libdbus-1-3 python3-venv)
# The tests render PDFs to pictures and read them back with OCR, and read
# the app's accessible tree over AT-SPI as a screen reader does (under Xvfb,
# in a private D-Bus session; pyatspi is for the system python).
test_pkgs=(poppler-utils tesseract-ocr tesseract-ocr-ben tesseract-ocr-hin
  tesseract-ocr-pan tesseract-ocr-urd tesseract-ocr-spa xvfb
  at-spi2-core dbus-daemon python3-pyatspi)

pkgs=("${app_pkgs[@]}")
[ "$mode" = test ] && pkgs+=("${test_pkgs[@]}")

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing system packages: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -x "$venv/bin/python" ]; then
  echo "setup: creating the virtual environment in .venv"
  "$py" -m venv "$venv"
fi

# One install for the app, the tests and the bundle build, from the lock:
# exact versions with their hashes, then the package itself without letting
# pip pick anything else. Done again only when the lock or pyproject changes,
# so a second command (the app after the tests, or the reverse) installs
# nothing.
stamp="$venv/.installed"
want="$(cat "$root/requirements/lock.txt" "$root/pyproject.toml" | sha256sum | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: installing the locked Python packages (requirements/lock.txt)"
  "$venv/bin/python" -m pip install -q --disable-pip-version-check --require-hashes \
    -r "$root/requirements/lock.txt"
  PYTHONWARNINGS=ignore "$venv/bin/python" -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation \
    -e "$root"
  echo "$want" > "$stamp"
fi

# Compiled catalogs (.mo) are build products, not sources: made here.
"$venv/bin/python" -m desktop.i18n_build compile --quiet

# Bytecode, as an installed wheel or the bundle has it: `evaluate` must start
# about as fast as Python, and compiling 40 modules on each start would not.
"$venv/bin/python" -m compileall -q -x '/(tests|\.venv)/' "$root/desktop" >/dev/null
