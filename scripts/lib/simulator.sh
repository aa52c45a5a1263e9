# Sourced by the benchmark and chaos scripts: runs `vaani-dialer simulator` on a free loopback port.
# Needs BIN (the vaani-dialer executable) and WORK (a scratch directory) to be set.

SIM_PID=""
URL=""

# start_simulator ARGS…: starts the simulator with ARGS, waits for its banner, sets SIM_PID and URL.
start_simulator() {
    "$BIN" simulator --port 0 "$@" >"$WORK/simulator.banner" 2>"$WORK/simulator.err" &
    SIM_PID=$!
    for _ in $(seq 1 100); do
        grep -q "listening on" "$WORK/simulator.banner" 2>/dev/null && break
        sleep 0.1
    done
    URL=$(sed -n 's/^Vaani simulator listening on //p' "$WORK/simulator.banner")
    [[ -n "$URL" ]] || { echo "the simulator did not start:" >&2; cat "$WORK/simulator.err" >&2; exit 1; }
}

# stop_simulator: stops the simulator started last, if any.
stop_simulator() {
    if [[ -n "$SIM_PID" ]]; then
        kill "$SIM_PID" 2>/dev/null || true
        wait "$SIM_PID" 2>/dev/null || true
    fi
    SIM_PID=""
}
