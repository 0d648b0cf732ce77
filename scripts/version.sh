#!/usr/bin/env bash
# Print the program version from FyneApp.toml (app.Version is tested to
# match it): `scripts/version.sh` → 0.1.0, `scripts/version.sh build` → 1.
set -euo pipefail
toml="$(dirname "$0")/../FyneApp.toml"
case "${1:-}" in
build) sed -n 's/^[[:space:]]*Build[[:space:]]*=[[:space:]]*\([0-9]*\).*/\1/p' "$toml" ;;
"") sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' "$toml" ;;
*) echo "usage: $0 [build]" >&2; exit 2 ;;
esac
