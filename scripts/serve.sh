#!/usr/bin/env bash
# Serves the reader with the seed article at http://127.0.0.1:8080/ (README "Running").
# A development build with live reload, written to target/serve/: dist/ is
# only ever the release build of scripts/build.sh, the one to deploy.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh serve
exec trunk serve --offline --dist target/serve "$@"
