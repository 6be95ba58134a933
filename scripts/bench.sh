#!/usr/bin/env bash
# Benchmarks (README "Benchmarks"): native parse and match throughput with
# criterion, then keyword highlighting in headless Chromium against mark.js,
# and what an instance per reader costs.
# Prints every figure; nothing here passes or fails on time.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
export PATH="$PWD/node_modules/.bin:$PATH"
mkdir -p bench/out
if [ "${1:-}" != "--browser-only" ]; then
  cargo bench -p reader-core --bench parse --bench matcher
fi
scripts/build.sh
cargo run --quiet --release -p reader-core --example generate_article -- 1048576 > bench/out/article-1mb.txt
node bench/highlight.mjs dist bench/out/article-1mb.txt
node bench/instances.mjs dist bench/out/article-1mb.txt
