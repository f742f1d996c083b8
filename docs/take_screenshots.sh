#!/usr/bin/env bash
# Regenerate docs/screenshots/*.png under Xvfb (installs xvfb through apt when root):
# the main set on a 1440x900 screen, the laptop set on a 1366x768 screen.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if ! command -v xvfb-run >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y -qq xvfb >/dev/null; else
    echo "install xvfb first: sudo apt-get install xvfb" >&2; exit 1; fi
fi
cd "$ROOT"
xvfb-run -a -s "-screen 0 1440x900x24" "$ROOT/.venv/bin/python" docs/screenshots.py "$@"
xvfb-run -a -s "-screen 0 1366x768x24" "$ROOT/.venv/bin/python" docs/screenshots.py --laptop
