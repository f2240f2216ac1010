#!/usr/bin/env bash
# Show that the hub's API docs load with no network: in a new network namespace (loopback
# only) start a hub, and screenshot /docs and /redoc with headless Chromium.
#
#   sudo unshare -n bash scripts/docs_offline_check.sh OUT_DIR [HUB COMMAND...]
#     HUB COMMAND defaults to: .venv/bin/python main.py hub    (any command taking "serve …")
#   needs: chromium, curl; writes OUT_DIR/docs-offline.png and OUT_DIR/redoc-offline.png
set -u
out=${1:?usage: unshare -n bash scripts/docs_offline_check.sh OUT_DIR [HUB COMMAND...]}
shift
[ $# -gt 0 ] || set -- .venv/bin/python main.py hub
mkdir -p "$out"
ip link set lo up
echo "routes besides loopback: $(ip route | wc -l)"
echo "a public CDN answers: $(curl -s -m 3 -o /dev/null -w '%{http_code}' https://cdn.jsdelivr.net/ || true) (000: unreachable)"
db=$(mktemp -d)
"$@" serve --db "sqlite:///$db/hub.db" --port 28765 --sizes 1,1,1,1 >"$db/log" 2>&1 &
pid=$!
for _ in $(seq 1 90); do curl -sf http://127.0.0.1:28765/healthz >/dev/null && break; sleep 1; done
for page in docs redoc; do
  chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --window-size=1400,1000 \
    --virtual-time-budget=15000 --screenshot="$out/$page-offline.png" \
    "http://127.0.0.1:28765/$page" >/dev/null 2>&1
  echo "$out/$page-offline.png"
done
kill "$pid"; wait "$pid" 2>/dev/null
rm -rf "$db"
