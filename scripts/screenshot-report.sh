#!/usr/bin/env bash
# Renders the HTML report of a sample campaign in headless Chromium and stores the screenshot as
# docs/report.png (the picture in the README). Fails if Chromium cannot render the page.
#
# usage: scripts/screenshot-report.sh [REPORT.html]
#   With a report file, screenshots that file; without, builds vaani-dialer, creates a sample
#   campaign of 1,200 contacts and exports its report first.
set -euo pipefail
cd "$(dirname "$0")/.."

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
    echo "needs Chromium: apt-get install -y chromium" >&2
    exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
report=${1:-}
if [ -z "$report" ]; then
    swift build --product vaani-dialer >&2
    bin="$(swift build --show-bin-path)/vaani-dialer"
    : >"$work/sample.sqlite"
    "$bin" list --db "$work/sample.sqlite" >/dev/null
    python3 scripts/make-report-campaign.py --db "$work/sample.sqlite" --name renewals-may --contacts 1200
    report="$work/report.html"
    "$bin" export renewals-may --format html --output "$report" --db "$work/sample.sqlite"
fi

mkdir -p docs
# --no-sandbox: the browser runs as root in CI containers, where Chromium's sandbox cannot start.
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size=1280,2400 --screenshot="$PWD/docs/report.png" "file://$(realpath "$report")" >&2
test -s docs/report.png
echo "wrote docs/report.png"
