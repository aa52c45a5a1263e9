#!/usr/bin/env bash
# Builds every libFuzzer target under Fuzz/ (with address sanitizer) and runs each for SECONDS
# (default 60), starting from the seed corpus committed in Fuzz/Corpus/<target>/.
# Targets: FuzzAPIResponses (API answers), FuzzCSVReader (contact lists), FuzzPhoneNumbers (numbers
# with and without a default region), FuzzCampaignFile (campaigns/NAME.json); each asserts properties
# of what it parses, not only that it does not crash.
# A crash or a failed property stops that target with the reproducer's path; turn it into a
# regression test and add the input to the corpus.
#
# Usage: [JOBS=N] scripts/fuzz.sh [SECONDS] [TARGET ...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
seconds=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    mapfile -t targets < <(find Fuzz -mindepth 1 -maxdepth 1 -type d -name 'Fuzz*' -printf '%f\n' | sort)
fi

scratch=.build-fuzz
# libFuzzer needs inline 8-bit counters and a PC table; swiftc's -sanitize=fuzzer alone leaves the
# Swift modules uninstrumented under SwiftPM, so the coverage flags are spelled out.
flags=(--scratch-path "$scratch" --sanitize fuzzer --sanitize address
    -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp)
work="$scratch/fuzz-work"
mkdir -p "$work"

for target in "${targets[@]}"; do
    echo "== building $target"
    VAANI_FUZZ=1 swift build "${flags[@]}" --product "$target" 2>&1 | grep -E "error|warning: .*\.swift|Compiling .*Fuzz|complete" || true
    binary="$scratch/debug/$target"
    [ -x "$binary" ] || { echo "build of $target failed" >&2; exit 1; }
done

# Runs one target; its summary line or failure report goes to $work/$target.result.
fuzz_target() {
    local target=$1 corpus="Fuzz/Corpus/$1"
    mkdir -p "$corpus" "$work/$target"
    echo "== fuzzing $target for ${seconds}s (seed corpus: $(ls "$corpus" | wc -l) inputs)"
    # SWIFT_BACKTRACE=enable=no: libFuzzer reports the crash and saves the input itself; Swift's
    # backtracer would otherwise hold the crashed process for up to 30 s.
    # detect_leaks=0: LeakSanitizer cannot see pointers that Swift stores with an enum's case in
    # their spare bits (the indirect enum nodes of the phone-number patterns, which live for the whole
    # process in NumberingPlan.shared), so it reports them as leaked (scripts/sanitize.sh also
    # runs AddressSanitizer with detect_leaks=0).
    # malloc_context_size=0: no stack trace recorded per allocation, which cost the CSV target a third
    # of its time; rerun a reproducer without it to see where a bad block was allocated.
    if ! SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0:malloc_context_size=0 "$scratch/debug/$target" -max_total_time="$seconds" -rss_limit_mb=4096 -timeout=10 \
        -artifact_prefix="$work/$target-" -print_final_stats=1 "$work/$target" "$corpus" \
        >"$work/$target.log" 2>&1; then
        {
            echo "!! $target found a failure; reproducer and log:"
            ls "$work/$target-"* || true
            tail -40 "$work/$target.log"
        } >"$work/$target.result" 2>&1
        return 1
    fi
    {
        echo -n "$target: "
        grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb|DONE" "$work/$target.log" | tr '\n' ' '
        echo
    } >"$work/$target.result"
}

# JOBS=N runs N targets at a time (default 1): on a machine with spare cores the whole set takes
# SECONDS × targets / N.
jobs=${JOBS:-1}
pids=()
for target in "${targets[@]}"; do
    rm -f "$work/$target.result"
    fuzz_target "$target" &
    pids+=($!)
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do sleep 1; done
done
failed=0
for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
for target in "${targets[@]}"; do
    if grep -q '^!!' "$work/$target.result" 2>/dev/null; then cat "$work/$target.result" >&2; else cat "$work/$target.result"; fi
done
[ "$failed" = 0 ] && echo "fuzz: no crash in ${#targets[@]} target(s), ${seconds}s each"
exit "$failed"
