#!/usr/bin/env bash
# The one test command (README "Testing"). Installs what is missing, then runs:
#   lints, tier 1 (native cargo test), tier 2 (components in headless Chromium),
#   the release build with its size report (fails over budget), and tier 3
#   (Playwright against that build).
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

step "Tier 3: end-to-end in Chromium (Playwright) against the release build"
node --test --test-concurrency=1 tests/e2e/
echo "screenshots: tests/e2e/artifacts/"
