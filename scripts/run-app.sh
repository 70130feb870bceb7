#!/usr/bin/env bash
# Sets up what is missing, then opens the wizard.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bash "$root/scripts/setup.sh" app
exec "$root/.venv/bin/relief-wizard" "$@"
