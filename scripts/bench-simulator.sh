#!/usr/bin/env bash
# Measures the simulator's trigger throughput with wrk against a release build, then (optionally)
# its memory after a given number of placed calls.
#
#   scripts/bench-simulator.sh                    # 15 s of triggers, prints requests/s
#   DURATION=30s CONNECTIONS=128 scripts/bench-simulator.sh
#   CALLS=1000000 scripts/bench-simulator.sh      # also keeps dialing until a million calls are
#                                                 # placed and prints the simulator's memory
#
# Needs wrk (Debian: apt-get install -y wrk).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-1}
CALLS=${CALLS:-0}

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }

swift build -c release --product vaani-dialer >&2
BIN="$(swift build -c release --show-bin-path)/vaani-dialer"

WORK=$(mktemp -d)
source scripts/lib/simulator.sh
trap 'stop_simulator; rm -rf "$WORK"' EXIT

start_simulator --seed 1 --speed 60
KEY=vaani_00000000000000000000000000dem0

# Every request dials a different number, like a campaign does.
cat >"$WORK/trigger.lua" <<LUA
local counter = 0
local thread_id = 0
local threads = 0
function setup(thread)
    thread:set("thread_id", threads)
    threads = threads + 1
end
request = function()
    counter = counter + 1
    local n = thread_id * 100000000 + counter
    local body = string.format(
        '{"agent_id":"demo-agent","contact_number":"+91%010d","name":"Contact %d","metadata":{"plan":"gold","amount":%d}}',
        n, n, n % 10000)
    return wrk.format("POST", "/api/trigger-call/",
        {["Content-Type"] = "application/json", ["X-API-Key"] = "$KEY"}, body)
end
done = function(summary, latency, requests)
    local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
    io.write(string.format("non-2xx or socket errors: %d\n", errors))
    io.write(string.format("latency p50 %.2f ms, p99 %.2f ms\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
    io.write(string.format("trigger requests/s: %.0f\n", summary.requests / (summary.duration / 1000000)))
end
LUA

echo "== wrk: POST /api/trigger-call/ for $DURATION, $CONNECTIONS connections, $THREADS wrk thread(s)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$WORK/trigger.lua" "$URL" | tee "$WORK/wrk.out"
grep -q "^trigger requests/s" "$WORK/wrk.out"

placed() { curl -s "$URL/_sim/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["calls_placed"])'; }
rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$SIM_PID/status"; }
echo "calls placed: $(placed), simulator RSS: $(rss_mb) MB"

if [ "$CALLS" -gt 0 ]; then
    echo "== dialing until $CALLS calls are placed"
    while [ "$(placed)" -lt "$CALLS" ]; do
        wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -s "$WORK/trigger.lua" "$URL" >/dev/null
        echo "calls placed: $(placed), simulator RSS: $(rss_mb) MB"
    done
    echo "history page 1 after $(placed) calls: $(curl -s -o /dev/null -w '%{http_code} in %{time_total} s' -H "X-API-Key: $KEY" "$URL/api/call-history?page=1&page_size=200")"
    echo "memory for $(placed) placed calls: $(rss_mb) MB RSS"
fi
