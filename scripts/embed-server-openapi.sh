#!/usr/bin/env bash
# Copies Sources/DialerServer/openapi.yaml into OpenAPIDocument.swift, so that the server answers
# /api/v1/openapi.yaml from its own binary (an installed binary has no source tree beside it).
# The DialerServer tests fail when the two differ: run this after editing the document.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
spec="$root/Sources/DialerServer/openapi.yaml"
out="$root/Sources/DialerServer/OpenAPI/OpenAPIDocument.swift"
{
    echo '/// The server API'"'"'s OpenAPI document, `Sources/DialerServer/openapi.yaml` word for word'
    echo '/// (`scripts/embed-server-openapi.sh` writes this file; a test checks that the two agree).'
    echo 'enum OpenAPIDocument {'
    echo '    /// The document'"'"'s text.'
    echo '    static let yaml = #"""'
    sed -e 's/^\(.\)/        \1/' "$spec"
    echo '        """#'
    echo '}'
} > "$out"
echo "wrote $out"
