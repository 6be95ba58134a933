#!/usr/bin/env bash
# Benchmarks (README "Benchmarks"): native parse and match throughput with
# criterion, then the reader at scale in headless Chromium (opening, memory,
# long tasks and highlighting on the seed, 1 MB and 10 MB, against a plain
# page, a plain-JavaScript reference, advanced-mark.js and mark.js), and what
# an instance per reader costs, and the longest tasks on the inputs that once
# froze the tab.
# Prints every figure; nothing here passes or fails on time.
#   scripts/bench.sh                 everything
#   scripts/bench.sh --browser-only  without the native (criterion) part
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
export PATH="$PWD/node_modules/.bin:$PATH"
mkdir -p bench/out
if [ "${1:-}" != "--browser-only" ]; then
  cargo bench -p reader-core --bench parse --bench matcher
fi
scripts/build.sh
for size in 1 10; do
  cargo run --quiet --release -p reader-core --example generate_article -- $((size * 1048576)) > "bench/out/article-${size}mb.txt"
done
node bench/scale.mjs dist bench/out
node bench/instances.mjs dist bench/out/article-1mb.txt
node bench/hard-inputs.mjs dist bench/out
