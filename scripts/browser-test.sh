#!/usr/bin/env bash
# Drives the dashboard in headless Chromium against `vaani-dialer demo --serve` (which runs the
# simulator): log in, watch the counters rise without a reload, pause, resume, search the contacts,
# open a contact's transcript, download the CSV report. Saves screenshots to docs/.
# Needs Debian's chromium and chromium-driver and selenium from PyPI (installed when missing).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

if ! command -v chromedriver >/dev/null || ! command -v chromium >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi
python3 -c 'import selenium' 2>/dev/null || python3 -m pip install -q selenium==4.36.0

swift build --product vaani-dialer >/dev/null
binary="$(swift build --show-bin-path)/vaani-dialer"
work="$(mktemp -d)"
port=$((20000 + RANDOM % 20000))
"$binary" demo --serve --listen "127.0.0.1:$port" --output "$work/out" >"$work/serve.log" 2>&1 &
serve=$!
trap 'kill -TERM $serve 2>/dev/null || true; wait $serve 2>/dev/null || true; rm -rf "$work"' EXIT

for _ in $(seq 1 300); do
    grep -q '^Dashboard:' "$work/serve.log" && break
    kill -0 $serve 2>/dev/null || { cat "$work/serve.log"; exit 1; }
    sleep 0.1
done
token="$(tr -d '[:space:]' <"$work/out/demo.sqlite.token")"
mkdir -p "$work/downloads" docs
python3 scripts/browser_test.py "http://127.0.0.1:$port" "$token" "$work/downloads" docs
