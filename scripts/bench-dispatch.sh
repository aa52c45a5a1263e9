#!/usr/bin/env bash
# Measures, in one run against the local simulator:
#   1. the simulator's raw trigger capacity (wrk, a different number per request);
#   1b. the same for AsyncHTTPClient alone and for VaaniClient alone (`vaani-dialer-bench triggers`), the
#      ceiling of any engine built on them;
#   2. the engine's end-to-end dispatch rate with every attempt persisted (`vaani-dialer run`, unpaced),
#      and that rate as a share of the raw capacity (targets: ≥ 1,000 calls/s and ≥ 70 %);
#   3. pacing: --rate 10 against a 20/s rate limit (target: within ±2 % and no 429), and --rate 50 against
#      20/s at concurrency 8, 16, 64 and 256 (PACING_CONCURRENCY), each a first run and a second one that
#      starts from the learned limit (targets: ≥ 19/s after the first 5 s; 429s over the whole run,
#      triggers and polls apart, ≤ 3 % on the first run and ≤ 1 % on the second);
#   4. the engine's peak memory across the dispatch run (MEMORY_CONTACTS=1000000 for a million contacts).
#
#   scripts/bench-dispatch.sh                        # release build, 20,000 contacts, 60 s pacing runs
#   CONTACTS=50000 PACING_SECONDS=30 BUILD=debug scripts/bench-dispatch.sh
#   ONLY_PACING=1 PACING_CONCURRENCY="8 256" scripts/bench-dispatch.sh   # step 3 alone
#
# Needs wrk (Debian: apt-get install -y wrk).
set -euo pipefail
cd "$(dirname "$0")/.."

CONTACTS=${CONTACTS:-20000}
PACING_SECONDS=${PACING_SECONDS:-60}
BUILD=${BUILD:-release}
CONCURRENCY=${CONCURRENCY:-64}

if [[ -z "${ONLY_PACING:-}" ]]; then
    command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }
fi
for product in vaani-dialer vaani-dialer-bench; do
    swift build -c "$BUILD" --product "$product" >/dev/null 2>&1 || swift build -c "$BUILD" --product "$product"
done
BIN="$(swift build -c "$BUILD" --show-bin-path)/vaani-dialer"
BENCH="$(swift build -c "$BUILD" --show-bin-path)/vaani-dialer-bench"
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

if [[ -z "${ONLY_PACING:-}" ]]; then
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
    "$BENCH" triggers --base-url "$URL" --client "$1" --calls "$CONTACTS" --concurrency "$CONCURRENCY" \
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

fi

# Requests answered per kind (trigger or poll: history and details), with a status code ($2) or all.
requests_of() { # kind [status]
    stats | python3 -c '
import json, sys
kind, status = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else None)
def is_kind(path):
    return "trigger" in path if kind == "trigger" else ("call-history" in path or "call_details" in path)
requests = json.load(sys.stdin)["requests"]
print(sum(count for path, codes in requests.items() if is_kind(path)
          for code, count in codes.items() if status is None or code == status))' "$@"
}

# One paced run against a simulator limited to 20 requests/s (burst 20): calls/s after the first 5 s,
# and 429s over the whole run (start included), triggers and polls apart. The database is kept between
# runs of a series, so a second run starts from the limit the first one learned.
pacing() { # configured-rate concurrency label database
    local rate=$1 concurrency=$2 label=$3 db=$4 name="paced-$1-$2-$3"
    make_campaign "$name" $((PACING_SECONDS * 60 + 100)) $((2 + rate + concurrency))
    "$BIN" import "$WORK/$name.csv" --campaign "$name" --agent demo-agent --db "$db" >/dev/null
    start_answering_simulator --rate-limit 20 --burst 20
    "$BIN" run "$name" --db "$db" --base-url "$URL" --rate "$rate" --concurrency "$concurrency" \
        >/dev/null 2>&1 &
    local run=$!
    sleep $((PACING_SECONDS + 5))
    kill -INT "$run" 2>/dev/null || true
    wait "$run" 2>/dev/null || true
    curl -s "$URL/_sim/ledger" >"$WORK/$name.ledger.json"
    python3 - "$rate" "$concurrency" "$label" "$PACING_SECONDS" "$WORK/$name.ledger.json" \
        "$(requests_of trigger)" "$(requests_of trigger 429)" "$(requests_of poll)" "$(requests_of poll 429)" <<'PY'
import datetime, json, sys
rate, concurrency, label, seconds = float(sys.argv[1]), int(sys.argv[2]), sys.argv[3], float(sys.argv[4])
times = sorted(datetime.datetime.fromisoformat(e["created_at"].replace("Z", "+00:00")).timestamp()
               for e in json.load(open(sys.argv[5])))
triggers, triggers429, polls, polls429 = map(float, sys.argv[6:])
start = times[0] + 5
window = [t for t in times if start <= t]
span = min(seconds, (window[-1] - start) if window else seconds)
throughput = len([t for t in window if t < start + span]) / max(span, 1e-6)
target = min(rate, 20)
share = lambda part, whole: 100 * part / max(whole, 1)
print(f"--rate {rate:g} --concurrency {concurrency:<3} {label:<6}: {throughput:5.2f} calls/s after the first 5 s "
      f"({100 * throughput / target:.1f}% of {target:g}/s); 429s over the whole run: triggers {triggers429:.0f} of "
      f"{triggers:.0f} ({share(triggers429, triggers):.2f}%), polls {polls429:.0f} of {polls:.0f} ({share(polls429, polls):.2f}%), "
      f"all {share(triggers429 + polls429, triggers + polls):.2f}%")
PY
    stop_simulator
}

echo "== 3. pacing against a simulator limited to 20 requests/s (burst 20), ${PACING_SECONDS} s runs"
# --rate 10 is below the limit: no 429 at all (target: 10/s within 2 %).
pacing 10 16 first "$WORK/pacing-10.sqlite"
# --rate 50 is above it: a first run on a new key learns the limit (targets: >= 19/s after the first
# 5 s, 429s <= 3 % of requests); a second run starts from the learned limit (429s <= 1 %).
for concurrency in ${PACING_CONCURRENCY:-8 16 64 256}; do
    pacing 50 "$concurrency" first "$WORK/pacing-$concurrency.sqlite"
    pacing 50 "$concurrency" second "$WORK/pacing-$concurrency.sqlite"
done

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
