#!/usr/bin/env bash
# Set up a fresh Debian/Ubuntu machine for Command Post.
#   bash scripts/setup.sh          system libraries for Qt, the CJK font, and .venv with the app
#   bash scripts/setup.sh --test   also PostgreSQL and the test tools
set -euo pipefail
cd "$(dirname "$0")/.."

with_tests=0
[ "${1:-}" = "--test" ] && with_tests=1

# as_root, and apt_get: apt-get that waits (up to 5 minutes, and says so) for the apt lock.
. scripts/lib/apt.sh

# Qt's runtime libraries (offscreen and X11/xcb), the CJK font the Chinese UI needs.
packages="fonts-noto-cjk libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3
  libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxrender1
  libxi6 libsm6 libice6 python3-venv"
[ "$with_tests" -eq 1 ] && packages="$packages postgresql"

missing=""
for p in $packages; do
  dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "installing:$missing"
  apt_get update -qq
  apt_get install -y -qq $missing >/dev/null
fi

python=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
if [ "$with_tests" -eq 1 ]; then
  .venv/bin/python -m pip install -q -e ".[test]"
else
  .venv/bin/python -m pip install -q -e .
fi
echo "ready: .venv/bin/python main.py (or .venv/bin/command-post); --help lists the commands"
