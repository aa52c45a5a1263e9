#!/usr/bin/env bash
# Crash safety, proven: imports a few thousand contacts, then kills `vaani-dialer run` with SIGKILL at
# random moments and resumes it, first against a clean simulator, then against one that answers 5xx after
# placing calls, holds answers past the client timeout and drops connections. At the end the simulator's
# ledger must hold every contact exactly once, and SQLite's integrity check must pass.
#
# Usage: scripts/chaos.sh            (200 kills; CHAOS_KILLS=20 for a quick run, CHAOS_CONTACTS to size,
#                                     BUILD=release for the release build)
# Prints: kills=N lost=0 duplicates=0, and exits non-zero if anything was lost or dialed twice.
set -euo pipefail

KILLS=${CHAOS_KILLS:-200}
CONTACTS=${CHAOS_CONTACTS:-3000}
cd "$(dirname "$0")/.."
BUILD=${BUILD:-debug}   # BUILD=release kills a release build (more calls per second between kills)
swift build -c "$BUILD" --product vaani-dialer >/dev/null 2>&1 || swift build -c "$BUILD" --product vaani-dialer
BIN="$(swift build -c "$BUILD" --show-bin-path)/vaani-dialer"
WORK=$(mktemp -d)
source scripts/lib/simulator.sh
cleanup() {
    stop_simulator
    wait 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

# A simulator where every call is answered: SEED, then extra options (faults).
start_answering_simulator() {
    start_simulator --speed 2000 --seed "$1" --answer-rate 1 --no-answer-rate 0 --busy-rate 0 \
        --fail-rate 0 --voicemail-rate 0 "${@:2}"
}

# One phase: a campaign of its own, KILLS/2 random kills, then a run to the end, then the ledger check.
phase() {
    local name=$1 seed=$2 kills=$3
    shift 3
    start_answering_simulator "$seed" "$@"
    python3 - "$WORK/$name.csv" "$CONTACTS" "$seed" <<'PY'
import sys
path, count, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with open(path, "w") as out:
    out.write("name,phone,city\n")
    for i in range(count):
        out.write(f"Person {i},+91{9 - seed % 2}{(seed * 10_000_000 + i) % 1_000_000_000:09d},Pune\n")
PY
    "$BIN" import "$WORK/$name.csv" --campaign "$name" --agent demo-agent --db "$WORK/chaos.sqlite" >/dev/null
    export VAANI_API_KEY=vaani_00000000000000000000000000dem0
    local args=(run "$name" --db "$WORK/chaos.sqlite" --base-url "$URL" --rate 0 --concurrency 16
        --request-timeout 1s --poll-interval 100ms)
    for ((i = 1; i <= kills; i++)); do
        "$BIN" "${args[@]}" >/dev/null 2>&1 &
        local pid=$!
        sleep "$(python3 -c "import random; print(round(random.uniform(0.05, 0.8), 3))")"
        kill -9 "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    # Resume to the end; a run whose lease is held by a killed process takes it over.
    if ! "$BIN" "${args[@]}" >"$WORK/$name.final.out" 2>&1; then
        echo "the final run of $name failed:" >&2
        cat "$WORK/$name.final.out" >&2
        exit 1
    fi
    curl -sf "$URL/_sim/ledger" >"$WORK/$name.ledger.json"
    stop_simulator
    python3 - "$WORK/chaos.sqlite" "$name" "$WORK/$name.ledger.json" >>"$WORK/results" <<'PY'
import collections, json, sqlite3, sys
db, name, ledger_path = sys.argv[1], sys.argv[2], sys.argv[3]
connection = sqlite3.connect(db)
numbers = {row[0] for row in connection.execute(
    "SELECT phone_e164 FROM contacts JOIN campaigns ON campaigns.id = contacts.campaign_id WHERE campaigns.name = ?",
    (name,))}
statuses = dict(connection.execute(
    "SELECT contacts.status, count(*) FROM contacts JOIN campaigns ON campaigns.id = contacts.campaign_id "
    "WHERE campaigns.name = ? GROUP BY contacts.status", (name,)).fetchall())
ledger = json.load(open(ledger_path))
entries = ledger if isinstance(ledger, list) else ledger.get("data") or ledger.get("entries") or []
calls = collections.Counter(e.get("contact_number") or e.get("contactNumber") for e in entries)
lost = len([n for n in numbers if calls[n] == 0])
duplicates = sum(count - 1 for number, count in calls.items() if count > 1)
print(f"{name} contacts={len(numbers)} statuses={statuses} lost={lost} duplicates={duplicates}", file=sys.stderr)
print(lost, duplicates)
PY
}

: >"$WORK/results"
first=$((KILLS / 2))
phase clean 1 "$first"
phase faults 2 $((KILLS - first)) --ambiguous-rate 0.05 --hang-rate 0.02 --drop-rate 0.05 --error-rate 0.05

integrity=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('PRAGMA integrity_check').fetchone()[0])" "$WORK/chaos.sqlite")
read -r lost duplicates < <(awk '{ lost += $1; duplicates += $2 } END { print lost + 0, duplicates + 0 }' "$WORK/results")
echo "integrity_check=$integrity"
echo "kills=$KILLS lost=$lost duplicates=$duplicates"
[[ "$lost" == 0 && "$duplicates" == 0 && "$integrity" == ok ]]
