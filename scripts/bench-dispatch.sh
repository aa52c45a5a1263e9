#!/usr/bin/env bash
# Measures, in one run against the local simulator:
#   1. the simulator's raw trigger capacity (wrk, a different number per request);
#   1b. the same for AsyncHTTPClient alone and for VaaniClient alone (`vaani-dialer bench-triggers`), the
#      ceiling of any engine built on them;
#   2. the engine's end-to-end dispatch rate with every attempt persisted (`vaani-dialer run`, unpaced),
#      and that rate as a share of the raw capacity (targets: ≥ 1,000 calls/s and ≥ 70 %);
#   3. pacing: --rate 10 against a 20/s rate limit (target: within ±2 % and no 429), and --rate 50 against
#      20/s (target: ≥ 90 % of 20/s, 429s ≤ 2 % of requests after the first 5 s);
#   4. the engine's peak memory across the dispatch run (MEMORY_CONTACTS=1000000 for a million contacts).
#
#   scripts/bench-dispatch.sh                        # release build, 20,000 contacts, 60 s pacing runs
#   CONTACTS=50000 PACING_SECONDS=30 BUILD=debug scripts/bench-dispatch.sh
#
# Needs wrk (Debian: apt-get install -y wrk).
set -euo pipefail
cd "$(dirname "$0")/.."

CONTACTS=${CONTACTS:-20000}
PACING_SECONDS=${PACING_SECONDS:-60}
BUILD=${BUILD:-release}
CONCURRENCY=${CONCURRENCY:-64}

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }
swift build -c "$BUILD" --product vaani-dialer >/dev/null 2>&1 || swift build -c "$BUILD" --product vaani-dialer
BIN="$(swift build -c "$BUILD" --show-bin-path)/vaani-dialer"
KEY=vaani_00000000000000000000000000dem0
export VAANI_API_KEY=$KEY

WORK=$(mktemp -d)
source scripts/lib/simulator.sh
trap 'stop_simulator; rm -rf "$WORK"' EXIT

# A simulator where every call is answered, with extra options (a rate limit).
start_answering_simulator() {
    start_simulator --seed 7 --speed 2000 --answer-rate 1 --no-answer-rate 0 --busy-rate 0 --fail-rate 0 \
        --voicemail-rate 0 "$@"
}

stats() { curl -s "$URL/_sim/stats"; }
placed() { stats | python3 -c 'import json,sys; print(json.load(sys.stdin)["calls_placed"])'; }
# Trigger requests answered with a status code ($1), or all of them without an argument.
triggers() {
    stats | python3 -c '
import json, sys
status = sys.argv[1] if len(sys.argv) > 1 else None
requests = json.load(sys.stdin)["requests"]
print(sum(count for path, codes in requests.items() if "trigger" in path
          for code, count in codes.items() if status is None or code == status))' "$@"
}

make_campaign() { # name count seed
    python3 - "$WORK/$1.csv" "$2" "$3" <<'PY'
import sys
path, count, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with open(path, "w") as out:
    out.write("name,phone\n")
    for i in range(count):
        out.write(f"Person {i},+91{9 - seed % 3}{(seed * 10_000_000 + i) % 1_000_000_000:09d}\n")
PY
    "$BIN" import "$WORK/$1.csv" --campaign "$1" --agent demo-agent --db "$WORK/bench.sqlite" >/dev/null
}

echo "== 1. raw trigger capacity of the simulator (wrk, $CONCURRENCY connections, 10 s)"
start_answering_simulator
cat >"$WORK/trigger.lua" <<LUA
local counter = 0
request = function()
    counter = counter + 1
    local body = string.format('{"agent_id":"demo-agent","contact_number":"+917%09d","name":"C %d","metadata":{}}', counter, counter)
    return wrk.format("POST", "/api/trigger-call/", {["Content-Type"] = "application/json", ["X-API-Key"] = "$KEY"}, body)
end
done = function(summary, latency, requests)
    io.write(string.format("raw_capacity=%.0f\n", summary.requests / (summary.duration / 1000000)))
end
LUA
wrk -t1 -c"$CONCURRENCY" -d10s -s "$WORK/trigger.lua" "$URL" >"$WORK/wrk.out"
RAW=$(sed -n 's/^raw_capacity=//p' "$WORK/wrk.out")
echo "simulator raw trigger capacity: $RAW calls/s"
stop_simulator

# What a client alone gets from the same simulator, with no engine and no database: the ceiling of any
# engine built on it. `http` is AsyncHTTPClient with a hand-written body; `typed` is VaaniClient, which
# the engine uses. All of them share this machine's cores with the simulator, as the engine does.
echo "== 1b. the clients alone, $CONTACTS triggers each, concurrency $CONCURRENCY"
client_rate() { # client
    start_answering_simulator
    "$BIN" bench-triggers --base-url "$URL" --client "$1" --calls "$CONTACTS" --concurrency "$CONCURRENCY" \
        >"$WORK/client-$1.out"
    stop_simulator
    sed -n 's/^trigger_rate=//p' "$WORK/client-$1.out"
}
HTTP_RATE=$(client_rate http)
TYPED_RATE=$(client_rate typed)
python3 - "$RAW" "$HTTP_RATE" "$TYPED_RATE" <<'PY'
import sys
raw, http, typed = map(float, sys.argv[1:])
print(f"AsyncHTTPClient alone: {http:.0f} calls/s ({100 * http / raw:.0f}% of raw)")
print(f"VaaniClient alone:     {typed:.0f} calls/s ({100 * typed / raw:.0f}% of raw)")
PY

echo "== 2. engine dispatch: $CONTACTS contacts, unpaced, concurrency $CONCURRENCY, state persisted"
start_answering_simulator
make_campaign dispatch "$CONTACTS" 1
/usr/bin/time -v "$BIN" run dispatch --db "$WORK/bench.sqlite" --base-url "$URL" --rate 0 --concurrency "$CONCURRENCY" \
    --poll-interval 500ms >"$WORK/dispatch.out" 2>"$WORK/dispatch.time"
curl -s "$URL/_sim/ledger" >"$WORK/ledger.json"
python3 - "$WORK/ledger.json" "$CONTACTS" "$RAW" "$TYPED_RATE" <<'PY'
import datetime, json, sys
entries = json.load(open(sys.argv[1]))
count, raw, typed = int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
times = sorted(datetime.datetime.fromisoformat(e["created_at"].replace("Z", "+00:00")).timestamp() for e in entries)
span = max(times[-1] - times[0], 1e-6)
rate = (len(times) - 1) / span
print(f"calls placed: {len(entries)} of {count} contacts, numbers called twice: {len(entries) - len({e['contact_number'] for e in entries})}")
print(f"engine dispatch rate: {rate:.0f} calls/s ({100 * rate / raw:.0f}% of raw capacity; targets >= 1000 calls/s and >= 70%; "
      f"{100 * rate / typed:.0f}% of VaaniClient alone)")
PY
grep -E "Elapsed|Maximum resident" "$WORK/dispatch.time" | sed 's/^\s*/engine /'
stop_simulator

pacing() { # configured-rate
    start_answering_simulator --rate-limit 20 --burst 20
    make_campaign "paced$1" $((PACING_SECONDS * 60 + 100)) $((2 + $1))
    "$BIN" run "paced$1" --db "$WORK/bench.sqlite" --base-url "$URL" --rate "$1" --concurrency 16 --poll-interval 1s \
        >/dev/null 2>&1 &
    local run=$!
    sleep 5
    local requests5 limited5
    requests5=$(triggers); limited5=$(triggers 429)
    sleep "$PACING_SECONDS"
    local requests_end limited_end
    requests_end=$(triggers); limited_end=$(triggers 429)
    kill -INT "$run" 2>/dev/null || true
    wait "$run" 2>/dev/null || true
    curl -s "$URL/_sim/ledger" >"$WORK/paced$1.ledger.json"
    # Throughput from the ledger's own timestamps: calls created from 5 s after the first call, for the window.
    python3 - "$1" "$PACING_SECONDS" "$WORK/paced$1.ledger.json" "$requests5" "$requests_end" "$limited5" "$limited_end" <<'PY'
import datetime, json, sys
rate, seconds = float(sys.argv[1]), float(sys.argv[2])
times = sorted(datetime.datetime.fromisoformat(e["created_at"].replace("Z", "+00:00")).timestamp()
               for e in json.load(open(sys.argv[3])))
r5, re_, l5, le = map(float, sys.argv[4:])
start = times[0] + 5
throughput = len([t for t in times if start <= t < start + seconds]) / seconds
target = min(rate, 20)
requests = max(re_ - r5, 1)
limited = le - l5
print(f"--rate {rate:g} against a 20/s limit, {seconds:g} s from 5 s after the first call: {throughput:.2f} calls/s "
      f"({100 * throughput / target:.1f}% of {target:g}/s); 429s after the first 5 s: {limited:.0f} of {requests:.0f} "
      f"trigger requests ({100 * limited / requests:.2f}%); 429s in the first 5 s: {l5:.0f}")
PY
    stop_simulator
}

echo "== 3. pacing against a simulator limited to 20 requests/s"
pacing 10
pacing 50

if [[ -n "${MEMORY_CONTACTS:-}" ]]; then
    echo "== 4. memory across $MEMORY_CONTACTS contacts"
    start_answering_simulator
    make_campaign memory "$MEMORY_CONTACTS" 9
    /usr/bin/time -v "$BIN" run memory --db "$WORK/bench.sqlite" --base-url "$URL" --rate 0 --concurrency "$CONCURRENCY" \
        --poll-interval 1s >/dev/null 2>"$WORK/memory.time" &
    timer=$!
    # The engine's resident memory every 5 s, against the calls placed so far: flat means no growth
    # with the number of contacts once the run is under way.
    engine=""
    while [[ -z "$engine" ]] && kill -0 "$timer" 2>/dev/null; do sleep 0.2; engine=$(pgrep -P "$timer" || true); done
    while [[ -n "$engine" ]] && kill -0 "$engine" 2>/dev/null; do
        rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$engine/status" 2>/dev/null || true)
        [[ -n "$rss" ]] && echo "$(placed) $rss" >>"$WORK/memory.samples"
        sleep 5
    done
    wait "$timer"
    grep -E "Elapsed|Maximum resident" "$WORK/memory.time" | sed "s/^\s*/$MEMORY_CONTACTS contacts: engine /"
    python3 - "$WORK/memory.samples" "$MEMORY_CONTACTS" <<'PY'
import sys
samples = [tuple(map(int, line.split())) for line in open(sys.argv[1]) if len(line.split()) == 2]
total = int(sys.argv[2])
points = []
for share in (0.1, 0.25, 0.5, 0.75, 1.0):
    reached = [rss for placed, rss in samples if placed >= share * total]
    if reached:
        points.append(f"{int(share * 100)}%: {reached[0] / 1024:.1f} MB")
if samples:
    points.append(f"last sample: {samples[-1][1] / 1024:.1f} MB")
print("engine RSS by share of calls placed: " + ", ".join(points))
PY
    stop_simulator
fi
