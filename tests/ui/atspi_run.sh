#!/usr/bin/env bash
# Inside Xvfb and a private D-Bus session: start the app at a screen, read its
# tree over AT-SPI with the system python, then let the app quit.
#   atspi_run.sh VENV_PYTHON DATA_DIR LANG VIEW WORK_DIR
set -u
py="$1"; data="$2"; lang="$3"; view="$4"; work="$5"
here="$(cd "$(dirname "$0")" && pwd)"
export QT_QPA_PLATFORM=xcb QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1
"$py" "$here/atspi_app.py" "$data" "$lang" "$view" "$work/ready.json" "$work/quit" > "$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 240); do
  [ -s "$work/ready.json" ] && break
  kill -0 "$app" 2>/dev/null || break
  sleep 0.5
done
rc=3
if [ -s "$work/ready.json" ]; then
  /usr/bin/python3 "$here/atspi_read.py" "relief wizard" > "$work/tree.jsonl" 2> "$work/read.log"
  rc=$?
fi
touch "$work/quit"
wait "$app"
exit $rc
