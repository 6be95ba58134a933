#!/usr/bin/env bash
# Serves the reader with the seed article at http://127.0.0.1:8080/ (README "Running").
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh serve
exec trunk serve --offline "$@"
