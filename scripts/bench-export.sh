#!/usr/bin/env bash
# Export benchmark: builds vaani-dialer (release mode by default), fills a database with a finished campaign
# of N contacts (default 1,000,000; about 1.4 attempts each, transcripts included) and a tenth of that,
# then exports both in every format and prints wall time, peak resident memory and output size.
# Memory is flat when the peak RSS of the N-contact export matches that of the N/10 one.
#
# usage: scripts/bench-export.sh [CONTACTS]
set -euo pipefail
cd "$(dirname "$0")/.."

contacts=${1:-1000000}
small=$((contacts / 10))
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install -y time)" >&2; exit 1; }

# BENCH_CONFIGURATION=debug measures the debug build instead (no release build needed; slower).
configuration=${BENCH_CONFIGURATION:-release}
swift build -c "$configuration" --product vaani-dialer >&2
bin="$(swift build -c "$configuration" --show-bin-path)/vaani-dialer"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

make_campaign() { # db contacts
    : >"$1"
    "$bin" list --db "$1" >/dev/null # creates the schema
    python3 scripts/make-report-campaign.py --db "$1" --name bench --contacts "$2"
}

echo "$configuration build; generating campaigns of $contacts and $small contacts…" >&2
make_campaign "$work/large.sqlite" "$contacts"
make_campaign "$work/small.sqlite" "$small"

printf '%-7s %10s %9s %13s %11s %12s\n' format contacts seconds "contacts/s" "peak RSS" "output"
for format in csv json html; do
    for size in small large; do
        count=$([ "$size" = large ] && echo "$contacts" || echo "$small")
        out="$work/$size.$format"
        /usr/bin/time -f '%e %M' -o "$work/time" \
            "$bin" export bench --format "$format" --output "$out" --db "$work/$size.sqlite" 2>/dev/null
        read -r seconds rss_kb <"$work/time"
        python3 -c 'import sys
fmt, count, seconds, rss_kb, size = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
rate = f"{count / max(seconds, 0.01):,.0f}"
print(f"{fmt:<7} {count:>10,} {seconds:>9.2f} {rate:>13} {rss_kb / 1024:>8.1f} MB {size / 1048576:>9.1f} MB")' \
            "$format" "$count" "$seconds" "$rss_kb" "$(stat -c %s "$out")"
        rm -f "$out"
    done
done
