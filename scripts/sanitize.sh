#!/usr/bin/env bash
# Runs the whole test suite under ThreadSanitizer (the engine is concurrent) and AddressSanitizer,
# each in its own build folder so the ordinary .build stays untouched. Fails if either fails.
#
# Usage: scripts/sanitize.sh [thread|address ...]   (default: both)
set -euo pipefail
cd "$(dirname "$0")/.."
sanitizers=("$@")
[ ${#sanitizers[@]} -gt 0 ] || sanitizers=(thread address)
for sanitizer in "${sanitizers[@]}"; do
    echo "== swift test --sanitize=$sanitizer"
    # halt_on_error makes the first report fail the run instead of scrolling past. The suppressions
    # (absolute, for the dialer processes the CLI tests start in other directories) cover only a
    # toolchain limitation: see the comment at the top of scripts/tsan-suppressions.txt.
    TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 suppressions=$PWD/scripts/tsan-suppressions.txt" \
        ASAN_OPTIONS="detect_leaks=0 halt_on_error=1" \
        swift test --scratch-path ".build-$sanitizer" --sanitize="$sanitizer"
done
echo "sanitize: ${sanitizers[*]} passed"
