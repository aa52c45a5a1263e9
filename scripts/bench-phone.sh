#!/usr/bin/env bash
# E.164 validations per second on one core (`vaani-dialer-bench numbers`), release build.
#
# The inputs are the E.164 strings of Tests/PhoneNumbersTests/Fixtures/libphonenumber-verdicts.tsv:
# example numbers of every libphonenumber region and mutations of them (about a third valid), then
# the valid ones alone. Throughput is reported per CPU second of the benchmark thread (what one core
# does, whatever else runs on the machine) and per wall-clock second.
set -euo pipefail
cd "$(dirname "$0")/.."

# SCRATCH_PATH keeps the release build apart from a debug build in progress (default .build).
scratch="${SCRATCH_PATH:-.build}"
swift build -c release --product vaani-dialer-bench --scratch-path "$scratch" >&2
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/vaani-dialer-bench"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fixture=Tests/PhoneNumbersTests/Fixtures/libphonenumber-verdicts.tsv
awk -F'\t' '$2 == "" && $1 ~ /^\+[0-9]+$/ { print $1 }' "$fixture" > "$work/mixed.txt"
awk -F'\t' '$2 == "" && $1 ~ /^\+[0-9]+$/ && $3 != "invalid" { print $1 }' "$fixture" > "$work/valid.txt"

echo "== all regions, valid and invalid numbers =="
"$bin" numbers "$work/mixed.txt"
echo
echo "== all regions, valid numbers only =="
"$bin" numbers "$work/valid.txt"
