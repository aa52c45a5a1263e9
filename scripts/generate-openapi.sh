#!/usr/bin/env bash
# Regenerates the Swift code derived from Sources/VaaniOpenAPI/openapi.yaml and validates the document.
#
# The generated files are committed rather than produced by the build plugin: a clean build then
# skips compiling and running swift-openapi-generator (measured on 2 cores: the generator alone
# takes ~50 s to build), and it avoids the plugin's Linux pitfall with generated-only targets.
#
# Usage: scripts/generate-openapi.sh [--check]   (--check fails if the committed code is stale)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
spec="$root/Sources/VaaniOpenAPI/openapi.yaml"
version=1.14.3
tools="${VAANI_TOOLS_DIR:-$root/.build-tools}"
generator="$tools/swift-openapi-generator/.build/release/swift-openapi-generator"

if [ ! -x "$generator" ]; then
    mkdir -p "$tools"
    rm -rf "$tools/swift-openapi-generator"
    git clone -q --branch "$version" --depth 1 https://github.com/apple/swift-openapi-generator "$tools/swift-openapi-generator"
    swift build -c release --package-path "$tools/swift-openapi-generator" --product swift-openapi-generator
fi

python3 -m openapi_spec_validator "$spec"

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
gen() { # target
    mkdir -p "$out/$1"
    "$generator" generate "$spec" --config "$root/Sources/$1/openapi-generator-config.yaml" \
        --output-directory "$out/$1" >/dev/null 2>"$out/$1.log" || { cat "$out/$1.log" >&2; exit 1; }
}
gen VaaniOpenAPI
# The generator splits the shared types over several files that each import Foundation and
# OpenAPIRuntime; on Swift < 6.4 the unused ones warn. One file keeps the build warning-free.
for part in "$out/VaaniOpenAPI"/Types+*.swift; do
    awk 'started || !(/^(#if compiler|@diagnose|#endif|\/\/)/ || /import /) { started = 1; print }' "$part" \
        >>"$out/VaaniOpenAPI/Types.swift"
    rm "$part"
done
gen VaaniAPI
gen VaaniSimulator

check=0
[ "${1:-}" = "--check" ] && check=1
status=0
for target in VaaniOpenAPI VaaniAPI VaaniSimulator; do
    dest="$root/Sources/$target/Generated"
    if [ "$check" = 1 ]; then
        diff -r -q "$out/$target" "$dest" || { echo "stale generated code in $dest: run scripts/generate-openapi.sh" >&2; status=1; }
    else
        rm -rf "$dest"
        mkdir -p "$dest"
        cp "$out/$target"/*.swift "$dest/"
    fi
done
exit $status
