#!/usr/bin/env bash
# Builds the reader for static hosting into dist/ (README "Embedding"), with
# relative paths so it works from any sub-path.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
export PATH="$PWD/node_modules/.bin:$PATH"
# The size cap (README "Size") needs the standard library compiled with the
# reader, without panic locations and Debug formatting that nothing shows:
# about 10 KB gzipped off the reader and 12 KB off the Markdown module; and a
# panic that traps at once, without formatting a message nobody reads (6 KB:
# the loader still sees the trap and says so in the widget, see
# scripts/post-build.mjs). These are unstable cargo and rustc flags, allowed
# on the stable toolchain by RUSTC_BOOTSTRAP and kept to this one command;
# `trunk serve`, the tests' debug builds and clippy use the toolchain as it
# is (and there a panic's message still reaches the console).
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zlocation-detail=none -Zfmt-debug=none -Zunstable-options -Cpanic=immediate-abort"
trunk build --release --offline --public-url ./ "$@"
scripts/bundle-size.sh dist
