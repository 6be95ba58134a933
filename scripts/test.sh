#!/usr/bin/env bash
# The one test command (README "Testing"). Installs what is missing, then runs:
#   lints, tier 1 (native cargo test), tier 2 (components in headless Chromium),
#   the release build with its size report (fails over budget), the outline of
#   the real-document corpus against its thresholds, and tier 3 (Playwright
#   against that build).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
export PATH="$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver

step() { printf '\n==> %s\n' "$*"; }

step "Formatting, lints, and the pure crate free of browser crates"
cargo fmt --all --check
cargo clippy --offline --workspace --all-targets -- -D warnings
cargo clippy --offline --target wasm32-unknown-unknown --all-targets -- -D warnings
scripts/check-pure.sh

step "Tier 1: native tests of the pure crates (parsing, HTML, Markdown, outline, matching, state)"
cargo test --offline -p reader-core -p markdown

step "Tier 2: components mounted in headless Chromium (wasm-bindgen-test)"
cargo test --offline --target wasm32-unknown-unknown --test browser

step "Release build (trunk build --release --public-url ./) and bundle size"
scripts/build.sh

step "Corpus: the outline of real documents against their truth (../shared/corpus)"
corpus=../shared/corpus
if [ ! -f "$corpus/score.mjs" ]; then
  echo "no corpus at $corpus: the real-document corpus must sit next to the repository (README \"Structure on real documents\")" >&2
  exit 1
fi
# The scorer exits 0 whatever the scores (1 when a document could not be shown);
# check-corpus.mjs fails below the README's thresholds.
scores=target/corpus-scores.txt
mkdir -p target
if ! node "$corpus/score.mjs" dist "$corpus" --verbose >"$scores"; then
  cat "$scores"
  exit 1
fi
sed -n '/^document /,/^$/p' "$scores"
sed -n '/^Micro-averaged totals:/,$p' "$scores"
node scripts/check-corpus.mjs "$scores"

step "Tier 3: end-to-end in Chromium (Playwright) against the release build"
node --test --test-concurrency=1 tests/e2e/
echo "screenshots: tests/e2e/artifacts/"
