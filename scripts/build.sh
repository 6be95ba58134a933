#!/usr/bin/env bash
# Builds the reader for static hosting into dist/ (README "Embedding"), with
# relative paths so it works from any sub-path.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
export PATH="$PWD/node_modules/.bin:$PATH"
trunk build --release --offline --public-url ./ "$@"
scripts/bundle-size.sh dist
